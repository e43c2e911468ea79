import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for every setting', () => {
    const config = loadConfig({}, '/srv/kiosk');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/kiosk/data',
      database: { type: 'sqlite', path: '/srv/kiosk/data/kiosk.sqlite' },
      role: 'kiosk',
      printer: 'file',
      printerType: 'epson',
      printerColumns: 32,
      logLevel: 'log',
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['KIOSK_ROLE', 'server'],
    ['PRINTER_TYPE', 'zebra'],
    ['KIOSK_ADMIN_PIN', '12'],
    ['KIOSK_ADMIN_PIN', '12345'],
    ['KIOSK_VOLUNTEER_PIN', '1234'],
    ['KIOSK_ID', 'has space'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['BACKUP_PASSPHRASE', 'short'],
    ['BACKUP_AT', '25:00'],
    ['BACKUP_AT', 'at eight'],
    ['BACKUP_EVERY_REDEMPTIONS', '-1'],
    ['BACKUP_EVERY_REDEMPTIONS', 'often'],
  ])('refuses %s=%s with a message naming the setting', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('masks secrets in the start-up log', () => {
    const config = loadConfig({
      KIOSK_ADMIN_PIN: '246810',
      HUB_KEY: 'secret-key',
      DATABASE_URL: 'postgres://hub:hunter2@db.example/kiosk',
    });
    const text = JSON.stringify(describeConfig(config));
    expect(text).not.toContain('246810');
    expect(text).not.toContain('secret-key');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('postgres://hub:****@db.example/kiosk');
  });

  it('reads ALLOWED_HOSTS: none by default, names in lower case, and refuses what is no host name', () => {
    expect(loadConfig({}).allowedHosts).toEqual([]);
    expect(loadConfig({ ALLOWED_HOSTS: ' Kiosk.Store.LAN., till-2 ,kiosk.store.lan' }).allowedHosts).toEqual([
      'kiosk.store.lan',
      'till-2',
    ]);
    for (const value of ['kiosk.lan:3000', 'http://kiosk.lan', '*.lan', 'a,,b', 'bad_name']) {
      expect(() => loadConfig({ ALLOWED_HOSTS: value }), value).toThrow(/ALLOWED_HOSTS must be host names/);
    }
  });

  it('reads PRINTER_STATUS: auto by default, on or off, and refuses anything else', () => {
    expect(loadConfig({}).printerStatus).toBe('auto');
    expect(loadConfig({ PRINTER_STATUS: 'off' }).printerStatus).toBe('off');
    expect(loadConfig({ PRINTER_STATUS: 'on' }).printerStatus).toBe('on');
    expect(() => loadConfig({ PRINTER_STATUS: 'never' })).toThrow(/PRINTER_STATUS must be one of auto, on, off/);
  });

  it('reads the backup settings: off by default, daily at 20:00 and every 50 redemptions once a folder is set', () => {
    expect(loadConfig({}, '/srv/kiosk').backup).toEqual({
      dir: undefined,
      passphrase: undefined,
      dailyAt: ['20:00'],
      everyRedemptions: 50,
    });
    const config = loadConfig(
      {
        BACKUP_DIR: 'usb',
        BACKUP_PASSPHRASE: 'a long passphrase ',
        BACKUP_AT: '20:00, 7:30',
        BACKUP_EVERY_REDEMPTIONS: '0',
      },
      '/srv/kiosk',
    );
    expect(config.backup).toEqual({
      dir: '/srv/kiosk/usb',
      passphrase: 'a long passphrase ',
      dailyAt: ['07:30', '20:00'],
      everyRedemptions: 0,
    });
    expect(loadConfig({ BACKUP_AT: 'off' }).backup.dailyAt).toEqual([]);
  });

  it('refuses a backup folder without a passphrase, and on PostgreSQL', () => {
    expect(() => loadConfig({ BACKUP_DIR: '/media/usb' })).toThrow('BACKUP_PASSPHRASE');
    expect(() =>
      loadConfig({ BACKUP_DIR: '/media/usb', BACKUP_PASSPHRASE: 'long enough', DATABASE_URL: 'postgres://h/db' }),
    ).toThrow('pg_dump');
  });

  it('never logs the backup passphrase', () => {
    const text = JSON.stringify(
      describeConfig(loadConfig({ BACKUP_DIR: '/media/usb', BACKUP_PASSPHRASE: 'open sesame 42' })),
    );
    expect(text).not.toContain('open sesame 42');
    expect(text).toContain('/media/usb');
  });
});
