import { describe, expect, it, vi } from 'vitest';
import { QuietStartLogger } from './quiet-logger';

function captured(levels: ConstructorParameters<typeof QuietStartLogger>[0]) {
  const logger = new QuietStartLogger(levels);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  let written = '';
  return {
    logger,
    text: () => written,
    restore: () => {
      // read before restoring: mockRestore clears the recorded calls
      written = [...out.mock.calls, ...err.mock.calls].map((call) => String(call[0])).join('');
      out.mockRestore();
      err.mockRestore();
    },
  };
}

describe('QuietStartLogger', () => {
  it('hides Nest start-up lines at the default level but keeps kiosk lines, warnings and errors', () => {
    const c = captured(['error', 'warn', 'log']);
    try {
      c.logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
      c.logger.log('AppModule dependencies initialized', 'InstanceLoader');
      c.logger.log('demo store seeded', 'Seed');
      c.logger.warn('print job failed', 'RoutesResolver');
      c.logger.error('boom', undefined, 'NestApplication');
    } finally {
      c.restore();
    }
    const text = c.text();
    expect(text).not.toContain('Mapped {');
    expect(text).not.toContain('dependencies initialized');
    expect(text).toContain('demo store seeded');
    expect(text).toContain('print job failed');
    expect(text).toContain('boom');
  });

  it('shows them at debug', () => {
    const c = captured(['error', 'warn', 'log', 'debug']);
    try {
      c.logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    } finally {
      c.restore();
    }
    expect(c.text()).toContain('Mapped {');
  });
});
