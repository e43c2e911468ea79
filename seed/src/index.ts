import { join } from 'node:path';

export * from './demo-data';
export { seedDemoStore, type SeedSummary, type SeedTarget } from './seed';

/** Product pictures of the demo catalogue, served at /images/products/. */
export const SEED_IMAGES_DIR = join(__dirname, '..', 'images');
