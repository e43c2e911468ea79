import { afterAll, beforeAll } from 'vitest';
import { dropCreatedDatabases, testEngine } from './postgres';

// Setup file of the PostgreSQL project. A file must never pass here on SQLite by mistake.
beforeAll(() => {
  if (testEngine() !== 'postgres' || !process.env.KIOSK_TEST_PG_URL) {
    throw new Error('the integration-postgres project runs without KIOSK_TEST_ENGINE=postgres and KIOSK_TEST_PG_URL');
  }
});

// Each test file drops the databases its kiosks used (registered first, so this runs after the
// file's own afterAll has stopped them).
afterAll(() => dropCreatedDatabases());
