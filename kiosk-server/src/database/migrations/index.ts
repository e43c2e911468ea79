import { InitialSchema1763769600000 } from './1763769600000-initial-schema';

/** In order; TypeORM records which ran in its `migrations` table. */
export const MIGRATIONS = [InitialSchema1763769600000];
