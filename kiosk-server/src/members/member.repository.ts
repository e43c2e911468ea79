import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner, Tx } from '../database/sql-runner';
import type { MemberEntity } from './member.entity';

const COLUMNS = `"id", "accountId", "name", "household", "createdAt"`;

export interface MemberListRow {
  id: string;
  name: string;
  household: string | null;
  accountId: string;
  accountKind: string;
  accountName: string;
  balance: number;
  cardNo: string | null;
}

/** `%`, `_` and the escape character itself match only themselves in a LIKE pattern. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A directory row: the member, their account and their active card. */
const LIST_ROWS = `SELECT m."id" AS "id", m."name" AS "name", m."household" AS "household", a."id" AS "accountId",
              a."kind" AS "accountKind", a."name" AS "accountName", a."balance" AS "balance", card."cardNo" AS "cardNo"
       FROM "members" m
       JOIN "accounts" a ON a."id" = m."accountId"
       LEFT JOIN "cards" card ON card."memberId" = m."id" AND card."status" = 'active'`;

/** Members. The directory's reads join `accounts` and `cards` (read-only) to show balances and cards. */
@Injectable()
export class MemberRepository {
  constructor(private readonly db: Database) {}

  /**
   * Newest first; `needle` (lower case) is part of a name, a household label or any card number.
   * Both sides go through LOWER(): LIKE ignores case on SQLite and not on PostgreSQL.
   */
  list(needle: string, limit: number): Promise<MemberListRow[]> {
    const search = needle
      ? `WHERE LOWER(m."name") LIKE ? ESCAPE '\\'
           OR LOWER(COALESCE(m."household", '')) LIKE ? ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM "cards" c WHERE c."memberId" = m."id" AND LOWER(c."cardNo") LIKE ? ESCAPE '\\')`
      : '';
    const pattern = likeContaining(needle);
    return this.db.all<MemberListRow>(
      `${LIST_ROWS}
       ${search}
       ORDER BY m."createdAt" DESC, m."id" DESC
       LIMIT ?`,
      needle ? [pattern, pattern, pattern, limit] : [limit],
    );
  }

  /** The members of the household account labelled exactly `label`, newest first. */
  inHousehold(label: string, limit: number): Promise<MemberListRow[]> {
    return this.db.all<MemberListRow>(
      `${LIST_ROWS}
       WHERE a."kind" = 'household' AND a."name" = ?
       ORDER BY m."createdAt" DESC, m."id" DESC
       LIMIT ?`,
      [label, limit],
    );
  }

  /** One member; pass the write's `tx` to read inside it. */
  async find(id: string, runner: SqlRunner = this.db): Promise<MemberEntity | undefined> {
    const [member] = await runner.all<MemberEntity>(`SELECT ${COLUMNS} FROM "members" WHERE "id" = ?`, [id]);
    return member;
  }

  /** Everyone on one account, oldest first. */
  onAccount(accountId: string): Promise<MemberEntity[]> {
    return this.db.all<MemberEntity>(
      `SELECT ${COLUMNS} FROM "members" WHERE "accountId" = ? ORDER BY "createdAt", "id"`,
      [accountId],
    );
  }

  async countOnAccount(tx: Tx, accountId: string): Promise<number> {
    const [row] = await tx.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "members" WHERE "accountId" = ?`, [
      accountId,
    ]);
    return row?.n ?? 0;
  }

  async count(): Promise<number> {
    const [row] = await this.db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "members"`);
    return row?.n ?? 0;
  }

  async insert(tx: Tx, member: MemberEntity): Promise<void> {
    await tx.run(`INSERT INTO "members" (${COLUMNS}) VALUES (?, ?, ?, ?, ?)`, [
      member.id,
      member.accountId,
      member.name,
      member.household,
      member.createdAt,
    ]);
    tx.changed('members', member);
  }

  async rename(tx: Tx, id: string, name: string): Promise<void> {
    const renamed = await tx.all<MemberEntity>(`UPDATE "members" SET "name" = ? WHERE "id" = ? RETURNING ${COLUMNS}`, [
      name,
      id,
    ]);
    for (const member of renamed) tx.changed('members', member);
  }

  async moveTo(tx: Tx, id: string, accountId: string, household: string): Promise<void> {
    const moved = await tx.all<MemberEntity>(
      `UPDATE "members" SET "accountId" = ?, "household" = ? WHERE "id" = ? RETURNING ${COLUMNS}`,
      [accountId, household, id],
    );
    for (const member of moved) tx.changed('members', member);
  }

  /** The balance behind each active card, by card number (for the printed card index). */
  activeCardBalances(): Promise<{ cardNo: string; balance: number }[]> {
    return this.db.all<{ cardNo: string; balance: number }>(
      `SELECT c."cardNo" AS "cardNo", a."balance" AS "balance"
       FROM "members" m
       JOIN "accounts" a ON a."id" = m."accountId"
       JOIN "cards" c ON c."memberId" = m."id" AND c."status" = 'active'`,
    );
  }
}
