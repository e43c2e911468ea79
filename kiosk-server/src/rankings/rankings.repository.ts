import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { AccountKind } from '../ledger/account.entity';

/** Points an account earned in a period, split by the member an event check-in names (null: none named). */
export interface EarningRow {
  accountId: string;
  accountKind: AccountKind;
  memberId: string | null;
  points: number;
}

/** A member of an account that earned in the period: what the board needs to name a row. */
export interface RankedMemberRow {
  id: string;
  accountId: string;
  name: string;
}

/** Read-only queries of the ranking; they join ledger, accounts, members and event check-ins. */
@Injectable()
export class RankingsRepository {
  constructor(private readonly db: Database) {}

  /** Award entries in [from, to), summed per account and per member a check-in names. */
  earnings(from: string, to: string): Promise<EarningRow[]> {
    return this.db.all<EarningRow>(
      `SELECT e."accountId" AS "accountId", a."kind" AS "accountKind", c."memberId" AS "memberId",
              SUM(e."delta") AS "points"
         FROM "ledger_entries" e
         JOIN "accounts" a ON a."id" = e."accountId"
         LEFT JOIN "event_check_ins" c ON c."ledgerEntryId" = e."id"
        WHERE e."kind" = 'award' AND e."createdAt" >= ? AND e."createdAt" < ?
        GROUP BY e."accountId", a."kind", c."memberId"`,
      [from, to],
    );
  }

  /**
   * The members of every account that earned awards in [from, to), and every member a check-in
   * in it names; oldest first, so a household's first member comes first. Two lookups joined by
   * UNION, not one `… IN (…) OR … IN (…)`: PostgreSQL cannot plan the OR as two semi-joins and
   * re-scans the awards for every member (a district hub holds a million). Subqueries instead of
   * an id list keep this one statement text (prepared once) whatever the number of accounts.
   */
  membersOfEarners(from: string, to: string): Promise<RankedMemberRow[]> {
    return this.db.all<RankedMemberRow>(
      `SELECT m."id" AS "id", m."accountId" AS "accountId", m."name" AS "name", m."createdAt" AS "createdAt"
         FROM "members" m
        WHERE m."accountId" IN (
                SELECT e."accountId" FROM "ledger_entries" e
                 WHERE e."kind" = 'award' AND e."createdAt" >= ? AND e."createdAt" < ?)
       UNION
       SELECT m."id" AS "id", m."accountId" AS "accountId", m."name" AS "name", m."createdAt" AS "createdAt"
         FROM "event_check_ins" c
         JOIN "ledger_entries" e ON e."id" = c."ledgerEntryId"
         JOIN "members" m ON m."id" = c."memberId"
        WHERE e."kind" = 'award' AND e."createdAt" >= ? AND e."createdAt" < ?
       ORDER BY "createdAt" ASC, "id" ASC`,
      [from, to, from, to],
    );
  }
}
