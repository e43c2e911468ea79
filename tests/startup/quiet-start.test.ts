import { afterEach, describe, expect, it } from 'vitest';
import { type Kiosk, startKiosk } from '../support/kiosk';

let kiosk: Kiosk | undefined;

afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
});

// Nest's per-module and per-route lines; the strings are the ones Nest 12 prints.
const ROUTE_LINE = /Mapped \{/;
const MODULE_LINE = /dependencies initialized/;

describe('start-up output', () => {
  it('shows the ready banner and the kiosk’s own lines at the default level, not Nest’s module and route lines', async () => {
    // an empty LOG_LEVEL is the default (the test helper otherwise sets warn)
    kiosk = await startKiosk({ env: { LOG_LEVEL: '' } });
    const output = kiosk.output();
    expect(output).toContain('is ready');
    expect(output).toContain(`Open ${kiosk.url}`);
    expect(output).toContain('demo store seeded'); // a kiosk `log` line stays visible at the default
    expect(output).not.toMatch(ROUTE_LINE);
    expect(output).not.toMatch(MODULE_LINE);
    expect(output).not.toContain('Nest application successfully started');
    expect(output.split('\n').length).toBeLessThan(20);
  });

  it('shows the route and module lines at LOG_LEVEL=debug', async () => {
    kiosk = await startKiosk({ env: { LOG_LEVEL: 'debug' } });
    const output = kiosk.output();
    expect(output).toContain('is ready');
    expect(output).toMatch(ROUTE_LINE);
    expect(output).toMatch(MODULE_LINE);
  });
});
