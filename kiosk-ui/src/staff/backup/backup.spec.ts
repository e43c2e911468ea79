import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import type { Message } from '../../i18n/types';
import { zhCN } from '../../i18n/zh-CN';
import { staffZhCN } from '../i18n/zh-CN';
import { backupProblemWords, backupRefusalKey, fileSize } from './backup';
import { messages } from './messages';

const placeholders = (text: Message) =>
  typeof text === 'string' ? [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() : null;

describe('backup words', () => {
  it('say a failed backup in plain words, with what to do', () => {
    const words = backupProblemWords({ status: 'failed', problem: 'BACKUP_DIR_MISSING' });
    expect(words).toEqual({ title: 'backup.failedMissing', hint: 'backup.hintMissing' });
    expect(messages['zh-CN'][words!.title]).toBe('备份失败：没有找到U盘');
    expect(backupProblemWords({ status: 'failed', problem: 'BACKUP_DISK_FULL' })?.title).toBe('backup.failedFull');
    // a problem this console does not know yet is still a failure
    expect(backupProblemWords({ status: 'failed' })?.title).toBe('backup.failed');
    expect(backupProblemWords({ status: 'ok' })).toBeNull();
    expect(backupProblemWords({ status: 'off' })).toBeNull();
  });

  it('name why a backup now was refused, and leave other refusals to the shared words', () => {
    expect(backupRefusalKey('BACKUP_DIR_MISSING')).toBe('backup.failedMissing');
    expect(backupRefusalKey('BACKUP_NO_PASSPHRASE')).toBe('backup.noPassphrase');
    expect(backupRefusalKey('STAFF_SESSION_REQUIRED')).toBeNull();
  });

  it('give sizes as people read them', () => {
    expect(fileSize(200)).toBe('1 KB');
    expect(fileSize(853_000)).toBe('853 KB');
    expect(fileSize(12_400_000)).toBe('12.4 MB');
  });

  it('exist in Chinese and English with the same placeholders, and reuse no other catalogue’s keys', () => {
    const zh = messages['zh-CN'];
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(placeholders(messages.en[key as keyof typeof zh]), key).toEqual(placeholders(text));
      expect(key in zhCN || key in en || key in staffZhCN, key).toBe(false);
    }
  });
});
