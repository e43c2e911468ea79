import { InitialSchema1763769600000 } from './1763769600000-initial-schema';
import { StaffConsole1764979200000 } from './1764979200000-staff-console';

/** In order; TypeORM records which ran in its `migrations` table. */
export const MIGRATIONS = [InitialSchema1763769600000, StaffConsole1764979200000];
