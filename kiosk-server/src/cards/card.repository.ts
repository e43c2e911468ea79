import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner, Tx } from '../database/sql-runner';
import type { MemberEntity } from '../members/member.entity';
import type { CardEntity } from './card.entity';

const COLUMNS = `"cardNo", "memberId", "status", "keyId", "issuedAt", "revokedAt"`;

export interface CardHolderRow {
  cardNo: string;
  name: string;
  household: string | null;
}

/** Member cards. Reads that show a card with its holder join `members` (read-only). */
@Injectable()
export class CardRepository {
  constructor(private readonly db: Database) {}

  async find(cardNo: string, runner: SqlRunner = this.db): Promise<CardEntity | undefined> {
    const [card] = await runner.all<CardEntity>(`SELECT ${COLUMNS} FROM "cards" WHERE "cardNo" = ?`, [cardNo]);
    return card;
  }

  /** A card and its member in one statement (a scan happens on every session start). */
  async findWithMember(
    cardNo: string,
    runner: SqlRunner = this.db,
  ): Promise<{ card: CardEntity; member: MemberEntity } | undefined> {
    const [row] = await runner.all<
      CardEntity & { accountId: string; name: string; household: string | null; createdAt: string }
    >(
      `SELECT c."cardNo" AS "cardNo", c."memberId" AS "memberId", c."status" AS "status", c."keyId" AS "keyId",
              c."issuedAt" AS "issuedAt", c."revokedAt" AS "revokedAt",
              m."accountId" AS "accountId", m."name" AS "name", m."household" AS "household", m."createdAt" AS "createdAt"
       FROM "cards" c JOIN "members" m ON m."id" = c."memberId" WHERE c."cardNo" = ?`,
      [cardNo],
    );
    if (!row) return undefined;
    const { accountId, name, household, createdAt, ...card } = row;
    return { card, member: { id: card.memberId, accountId, name, household, createdAt } };
  }

  async activeOf(tx: Tx, memberId: string): Promise<CardEntity | undefined> {
    const [card] = await tx.all<CardEntity>(
      `SELECT ${COLUMNS} FROM "cards" WHERE "memberId" = ? AND "status" = 'active' ORDER BY "issuedAt" DESC LIMIT 1`,
      [memberId],
    );
    return card;
  }

  async exists(tx: Tx, cardNo: string): Promise<boolean> {
    const rows = await tx.all<{ one: number }>(`SELECT 1 AS "one" FROM "cards" WHERE "cardNo" = ?`, [cardNo]);
    return rows.length > 0;
  }

  async revokeActiveOf(tx: Tx, memberId: string, revokedAt: string): Promise<void> {
    const revoked = await tx.all<CardEntity>(
      `UPDATE "cards" SET "status" = 'revoked', "revokedAt" = ? WHERE "memberId" = ? AND "status" = 'active'
       RETURNING ${COLUMNS}`,
      [revokedAt, memberId],
    );
    for (const card of revoked) tx.changed('cards', card);
  }

  async revoke(tx: Tx, cardNo: string, revokedAt: string): Promise<void> {
    const revoked = await tx.all<CardEntity>(
      `UPDATE "cards" SET "status" = 'revoked', "revokedAt" = ? WHERE "cardNo" = ? RETURNING ${COLUMNS}`,
      [revokedAt, cardNo],
    );
    for (const card of revoked) tx.changed('cards', card);
  }

  async insert(tx: Tx, card: CardEntity): Promise<void> {
    await tx.run(`INSERT INTO "cards" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, [
      card.cardNo,
      card.memberId,
      card.status,
      card.keyId,
      card.issuedAt,
      card.revokedAt,
    ]);
    tx.changed('cards', card);
  }

  /** Every card a member has had, newest first. */
  history(memberId: string): Promise<CardEntity[]> {
    return this.db.all<CardEntity>(`SELECT ${COLUMNS} FROM "cards" WHERE "memberId" = ? ORDER BY "issuedAt" DESC`, [
      memberId,
    ]);
  }

  /** Active cards with their holders, by card number; only these members' when ids are given. */
  activeWithHolders(memberIds?: readonly string[]): Promise<CardHolderRow[]> {
    const only = memberIds ? `AND m."id" IN (${memberIds.map(() => '?').join(', ')})` : '';
    return this.db.all<CardHolderRow>(
      `SELECT c."cardNo" AS "cardNo", m."name" AS "name", m."household" AS "household"
       FROM "cards" c JOIN "members" m ON m."id" = c."memberId"
       WHERE c."status" = 'active' ${only} ORDER BY c."cardNo"`,
      memberIds ?? [],
    );
  }
}
