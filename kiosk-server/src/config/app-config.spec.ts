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
    ['KIOSK_ID', 'has space'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
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
});
