import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedHostNames, hostOf, inlineStyleHashes, isAllowedHost } from './security';

describe('the Host allowlist', () => {
  const allowed = allowedHostNames('0.0.0.0', ['kiosk.store.lan'], 'till-1');

  it('reads the name out of a Host header, with or without a port', () => {
    expect(hostOf('Kiosk.Store.LAN.:3000')).toBe('kiosk.store.lan');
    expect(hostOf('[::1]:3000')).toBe('::1');
    expect(hostOf('127.0.0.1')).toBe('127.0.0.1');
    expect(hostOf('evil.example:x')).toBeUndefined();
    expect(hostOf('')).toBeUndefined();
    expect(hostOf(undefined)).toBeUndefined();
  });

  it('lets through localhost, addresses, the machine and the listed names, and nothing else', () => {
    for (const host of [
      'localhost:3000',
      '127.0.0.1',
      '[::1]:3000',
      'till-1',
      'till-1.local',
      'kiosk.store.lan',
      '10.0.0.7:3000',
    ]) {
      expect(isAllowedHost(host, allowed), host).toBe(true);
    }
    for (const host of ['evil.example', 'localhost.evil.example', '0.0.0.0.evil.example', undefined]) {
      expect(isAllowedHost(host, allowed), String(host)).toBe(false);
    }
  });

  it('takes the HOST setting as a name, but not a wildcard listen address', () => {
    expect(allowedHostNames('kiosk-7', [], 'till-1').has('kiosk-7')).toBe(true);
    expect(allowedHostNames('0.0.0.0', [], 'till-1').has('0.0.0.0')).toBe(false);
  });
});

describe('inlineStyleHashes', () => {
  it('hashes each inline style block of the UI page (none when the UI is not built)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-'));
    const index = join(dir, 'index.html');
    expect(inlineStyleHashes(index)).toEqual([]);
    writeFileSync(index, '<html><head><style>body{margin:0}</style></head></html>');
    // echo -n 'body{margin:0}' | openssl dgst -sha256 -binary | base64
    expect(inlineStyleHashes(index)).toEqual(["'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc='"]);
  });
});
