import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISTRICT_INDEX_NAMES, DISTRICT_INDEXES } from '../district-indexes';

/** Indexes for the hub's district ranking and quarterly settlement (see district-indexes.ts). */
export class DistrictReports1769100000000 implements MigrationInterface {
  name = 'DistrictReports1769100000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of DISTRICT_INDEXES) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of DISTRICT_INDEX_NAMES) await runner.query(`DROP INDEX "${name}"`);
  }
}
