import { InitialSchema1767000000000 } from './postgres/1767000000000-initial-schema';
import { InitialSchema1763769600000 } from './sqlite/1763769600000-initial-schema';
import { StaffConsole1764979200000 } from './sqlite/1764979200000-staff-console';
import { IdsThatTravel1767000000000 } from './sqlite/1767000000000-ids-that-travel';
import { Sync1768000000000 as SqliteSync } from './sqlite/1768000000000-sync';
import { Sync1768000000000 as PostgresSync } from './postgres/1768000000000-sync';
import { DistrictReports1769100000000 as SqliteDistrictReports } from './sqlite/1769100000000-district-reports';
import { DistrictReports1769100000000 as PostgresDistrictReports } from './postgres/1769100000000-district-reports';

/**
 * One history per engine, in order; TypeORM records which ran in its `migrations` table.
 * Both end at the same logical schema (`schema.spec.ts` compares them): a table added to one
 * is added to the other in the same change.
 */
export const MIGRATIONS = {
  sqlite: [
    InitialSchema1763769600000,
    StaffConsole1764979200000,
    IdsThatTravel1767000000000,
    SqliteSync,
    SqliteDistrictReports,
  ],
  postgres: [InitialSchema1767000000000, PostgresSync, PostgresDistrictReports],
};
