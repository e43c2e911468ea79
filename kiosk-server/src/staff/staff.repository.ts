import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner, Tx } from '../database/sql-runner';
import type { StaffEntity } from './staff.entity';

interface StaffRow extends Omit<StaffEntity, 'active'> {
  active: boolean | number;
}

/** SQLite gives booleans as 0/1, PostgreSQL as true/false. */
function toStaff(row: StaffRow): StaffEntity {
  return { ...row, active: Boolean(row.active) };
}

const COLUMNS = `"id", "username", "displayName", "role", "pinHash", "failedAttempts", "lockedUntil", "active", "createdAt"`;

/** Staff accounts: who may sign in, their PIN hashes and their lockout state. */
@Injectable()
export class StaffRepository {
  constructor(private readonly db: Database) {}

  /** An active staff member by username. */
  async active(username: string): Promise<StaffEntity | undefined> {
    const [row] = await this.db.all<StaffRow>(
      `SELECT ${COLUMNS} FROM "staff" WHERE "username" = ? AND "active" = TRUE`,
      [username],
    );
    return row && toStaff(row);
  }

  /** Active staff, oldest first (UUIDv7 ids sort by creation). */
  async allActive(): Promise<StaffEntity[]> {
    const rows = await this.db.all<StaffRow>(`SELECT ${COLUMNS} FROM "staff" WHERE "active" = TRUE ORDER BY "id"`);
    return rows.map(toStaff);
  }

  /** Everyone, active or not, oldest first. */
  async all(): Promise<StaffEntity[]> {
    const rows = await this.db.all<StaffRow>(`SELECT ${COLUMNS} FROM "staff" ORDER BY "id"`);
    return rows.map(toStaff);
  }

  /** Active admins other than `exceptId`, counted in the write that would remove one. */
  async otherActiveAdmins(tx: Tx, exceptId: string): Promise<number> {
    const [row] = await tx.all<{ n: number | string }>(
      `SELECT COUNT(*) AS "n" FROM "staff" WHERE "role" = 'admin' AND "active" = TRUE AND "id" <> ?`,
      [exceptId],
    );
    return Number(row?.n ?? 0);
  }

  /** Whether another active staff member already goes by this name (the sign-in list must tell people apart). */
  async nameTaken(tx: Tx, displayName: string, exceptId: string): Promise<boolean> {
    const rows = await tx.all<{ id: string }>(
      `SELECT "id" FROM "staff" WHERE "displayName" = ? AND "active" = TRUE AND "id" <> ?`,
      [displayName, exceptId],
    );
    return rows.length > 0;
  }

  async usernameTaken(tx: Tx, username: string): Promise<boolean> {
    const rows = await tx.all<{ one: number }>(`SELECT 1 AS "one" FROM "staff" WHERE "username" = ?`, [username]);
    return rows.length > 0;
  }

  async setProfile(tx: Tx, id: string, profile: Pick<StaffEntity, 'displayName' | 'role' | 'active'>): Promise<void> {
    await tx.run(`UPDATE "staff" SET "displayName" = ?, "role" = ?, "active" = ? WHERE "id" = ?`, [
      profile.displayName,
      profile.role,
      profile.active,
      id,
    ]);
  }

  /** A staff member by username, active or not. */
  async byUsername(username: string): Promise<StaffEntity | undefined> {
    const [row] = await this.db.all<StaffRow>(`SELECT ${COLUMNS} FROM "staff" WHERE "username" = ?`, [username]);
    return row && toStaff(row);
  }

  async find(id: string, runner: SqlRunner = this.db): Promise<StaffEntity | undefined> {
    const [row] = await runner.all<StaffRow>(`SELECT ${COLUMNS} FROM "staff" WHERE "id" = ?`, [id]);
    return row && toStaff(row);
  }

  async setAttempts(tx: Tx, id: string, failedAttempts: number, lockedUntil: string | null): Promise<void> {
    await tx.run(`UPDATE "staff" SET "failedAttempts" = ?, "lockedUntil" = ? WHERE "id" = ?`, [
      failedAttempts,
      lockedUntil,
      id,
    ]);
  }

  /** A new PIN also clears any lockout. */
  async setPin(tx: Tx, id: string, pinHash: string): Promise<void> {
    await tx.run(`UPDATE "staff" SET "pinHash" = ?, "failedAttempts" = 0, "lockedUntil" = NULL WHERE "id" = ?`, [
      pinHash,
      id,
    ]);
  }

  async insert(tx: Tx, staff: StaffEntity): Promise<void> {
    await tx.run(`INSERT INTO "staff" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      staff.id,
      staff.username,
      staff.displayName,
      staff.role,
      staff.pinHash,
      staff.failedAttempts,
      staff.lockedUntil,
      staff.active,
      staff.createdAt,
    ]);
  }
}
