import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { monthRange } from '../common/time';
import { WriteQueue } from '../database/write-queue';
import { moveStock } from '../inventory/stock';
import { LedgerService } from '../ledger/ledger.service';
import { PrintQueue } from '../printing/print-queue.service';
import type { ResidentSession } from '../sessions/session.store';
import { SettingsService } from '../settings/settings.service';
import type { RedemptionItemDto, RedemptionResponse, VoidResponse } from './dto/redemption.dto';
import { RedemptionEntity, RedemptionLineEntity } from './redemption.entity';
import { sqlAll, sqlRun } from '../database/sql';

export interface RedemptionOutcome {
  response: RedemptionResponse;
  replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{8,100}$/;

/** What a redemption line is, before it has a row id. */
export type PricedLine = Pick<
  RedemptionLineEntity,
  'productId' | 'productName' | 'pricePoints' | 'quantity' | 'lineTotal'
>;

export function toRedemptionResponse(
  redemption: RedemptionEntity,
  lines: PricedLine[],
  print: RedemptionResponse['print'],
): RedemptionResponse {
  return {
    id: redemption.id,
    receiptNo: redemption.receiptNo,
    accountId: redemption.accountId,
    totalPoints: redemption.totalPoints,
    balanceBefore: redemption.balanceBefore,
    balanceAfter: redemption.balanceAfter,
    lines: lines.map((line) => ({
      productId: line.productId,
      name: line.productName,
      quantity: line.quantity,
      pricePoints: line.pricePoints,
      lineTotal: line.lineTotal,
    })),
    status: redemption.status,
    createdAt: redemption.createdAt,
    print,
  };
}

@Injectable()
export class RedemptionService {
  /** Keys whose first request is still being processed: a concurrent retry is told to wait. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly ledger: LedgerService,
    private readonly settings: SettingsService,
    private readonly printQueue: PrintQueue,
    private readonly audit: AuditTrailService,
  ) {}

  async redeem(
    session: ResidentSession,
    key: string | undefined,
    items: RedemptionItemDto[],
  ): Promise<RedemptionOutcome> {
    if (!key) {
      throw new DomainError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'The Idempotency-Key header is required.');
    }
    if (!KEY_PATTERN.test(key)) {
      throw DomainError.validation('Idempotency-Key must be 8 to 100 printable ASCII characters.');
    }
    const products = new Set(items.map((item) => item.productId));
    if (products.size !== items.length) throw DomainError.validation('Each product may appear on one line only.');

    const flightKey = `${session.accountId}\u0000${key}`;
    if (this.inFlight.has(flightKey)) {
      throw DomainError.conflict('IDEMPOTENCY_KEY_IN_USE', 'This request is still being processed.');
    }
    this.inFlight.add(flightKey);
    try {
      const outcome = await this.writes.run((manager) => this.redeemIn(manager, session, key, items));
      if (!outcome.replayed) this.printQueue.wake();
      return outcome;
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  /**
   * The checkout's statements are plain, prepared-once SQL (see database/sql.ts), each read
   * answering as much as it can in one round trip: TypeORM's query building, entity hydration
   * and per-statement preparation were about half of the server's CPU per redemption.
   */
  private async redeemIn(
    manager: EntityManager,
    session: ResidentSession,
    key: string,
    items: RedemptionItemDto[],
  ): Promise<RedemptionOutcome> {
    const requestHash = hashRequest(items);
    const { balance, previous } = await accountAndPreviousRequest(manager, session.accountId, key);
    if (previous) {
      if (previous.requestHash !== requestHash) {
        throw new DomainError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request.');
      }
      return { response: JSON.parse(previous.response) as RedemptionResponse, replayed: true };
    }

    const { minRedeemBalance } = this.settings.current;
    if (balance < minRedeemBalance) {
      throw DomainError.conflict(
        'BELOW_MINIMUM_BALANCE',
        `Redeeming starts at ${minRedeemBalance} points; the balance is ${balance}.`,
      );
    }
    const lines = await priceLines(manager, session.accountId, items);
    const total = lines.reduce((sum, line) => sum + line.lineTotal, 0);
    if (total > balance) {
      throw DomainError.conflict(
        'INSUFFICIENT_POINTS',
        `The balance of ${balance} points does not cover ${total} points.`,
      );
    }

    const id = uuidv7();
    const actor = `member:${session.memberId}`;
    const entry = await this.ledger.post(manager, {
      accountId: session.accountId,
      delta: -total,
      kind: 'redeem',
      reason: `兑换 ${lines.map((line) => `${line.productName}×${line.quantity}`).join('、')}`,
      actor,
      refId: id,
    });
    const redemption: RedemptionEntity = {
      id,
      receiptNo: `${entry.kioskId}-${String(entry.seq).padStart(6, '0')}`,
      accountId: session.accountId,
      memberId: session.memberId,
      cardNo: session.cardNo,
      totalPoints: total,
      balanceBefore: balance,
      balanceAfter: entry.balanceAfter,
      status: 'completed',
      ledgerEntryId: entry.id,
      voidLedgerEntryId: null,
      voidReason: null,
      voidedBy: null,
      voidedAt: null,
      kioskId: entry.kioskId,
      createdAt: entry.createdAt,
    };
    await insertRedemption(manager, redemption, lines);
    for (const line of lines) {
      await moveStock(manager, {
        productId: line.productId,
        delta: -line.quantity,
        reason: 'redemption',
        actor,
        refId: id,
      });
    }
    const job = await this.printQueue.enqueue(manager, id, 'receipt');
    const response = toRedemptionResponse(redemption, lines, job);
    await sqlRun(
      manager,
      `INSERT INTO "idempotency_records" ("accountId", "key", "requestHash", "redemptionId", "response", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?)`,
      [session.accountId, key, requestHash, id, JSON.stringify(response), entry.createdAt],
    );
    return { response, replayed: false };
  }

  /** Returns the points and the goods; the original ledger entry stays, a reversing one is added. */
  voidRedemption(id: string, reason: string, actor: string): Promise<VoidResponse> {
    return this.writes.run(async (manager) => {
      const redemption = await manager.findOneBy(RedemptionEntity, { id });
      if (!redemption) throw DomainError.notFound('REDEMPTION_NOT_FOUND', 'No such redemption.');
      if (redemption.status === 'voided') {
        throw DomainError.conflict('ALREADY_VOIDED', `Receipt ${redemption.receiptNo} was already voided.`);
      }
      const entry = await this.ledger.post(manager, {
        accountId: redemption.accountId,
        delta: redemption.totalPoints,
        kind: 'void',
        reason: `撤销兑换 ${redemption.receiptNo}：${reason}`,
        actor,
        refId: redemption.id,
      });
      const lines = await manager.findBy(RedemptionLineEntity, { redemptionId: id });
      for (const line of lines) {
        await moveStock(manager, {
          productId: line.productId,
          delta: line.quantity,
          reason: 'void',
          actor,
          refId: id,
          note: reason,
        });
      }
      await manager.update(
        RedemptionEntity,
        { id },
        {
          status: 'voided',
          voidLedgerEntryId: entry.id,
          voidReason: reason,
          voidedBy: actor,
          voidedAt: entry.createdAt,
        },
      );
      await this.audit.record(manager, {
        actor,
        action: 'redemption.void',
        entity: 'redemption',
        entityId: id,
        before: { status: redemption.status },
        after: { status: 'voided', voidReason: reason, pointsReturned: redemption.totalPoints },
      });
      return {
        id,
        status: 'voided',
        pointsReturned: redemption.totalPoints,
        balanceAfter: entry.balanceAfter,
        ledgerEntryId: entry.id,
      };
    });
  }

  async find(id: string): Promise<RedemptionResponse> {
    const redemption = await this.dataSource.getRepository(RedemptionEntity).findOneBy({ id });
    if (!redemption) throw DomainError.notFound('REDEMPTION_NOT_FOUND', 'No such redemption.');
    const lines = await this.dataSource.getRepository(RedemptionLineEntity).findBy({ redemptionId: id });
    return toRedemptionResponse(redemption, lines, await this.printQueue.statusOf(id));
  }
}

function hashRequest(items: RedemptionItemDto[]): string {
  const canonical = JSON.stringify(
    [...items].sort((a, b) => a.productId - b.productId).map((item) => [item.productId, item.quantity]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

interface PreviousRequest {
  requestHash: string;
  response: string;
}

/** The balance and the answer already stored under this key, if any, in one round trip. */
async function accountAndPreviousRequest(
  manager: EntityManager,
  accountId: string,
  key: string,
): Promise<{ balance: number; previous: PreviousRequest | null }> {
  const [row] = await sqlAll<{ balance: number; requestHash: string | null; response: string | null }>(
    manager,

    `SELECT a."balance", i."requestHash", i."response" FROM "accounts" a
     LEFT JOIN "idempotency_records" i ON i."accountId" = a."id" AND i."key" = ?
     WHERE a."id" = ?`,
    [key, accountId],
  );
  if (!row) throw DomainError.notFound('ACCOUNT_NOT_FOUND', 'No such account.');
  const previous = row.requestHash === null ? null : { requestHash: row.requestHash, response: row.response! };
  return { balance: row.balance, previous };
}

interface ProductRow {
  id: number;
  name: string;
  pricePoints: number;
  stock: number;
  active: number;
  monthlyLimit: number | null;
  /** Quantity of this product the account redeemed this month, for limited products only. */
  taken: number;
}

/** Prices each line and applies the stock and monthly-limit rules, each with its own code. */
async function priceLines(
  manager: EntityManager,
  accountId: string,
  items: RedemptionItemDto[],
): Promise<PricedLine[]> {
  const { from, to } = monthRange(new Date());
  const products = await sqlAll<ProductRow>(
    manager,

    `SELECT p."id", p."name", p."pricePoints", p."stock", p."active", p."monthlyLimit",
       CASE WHEN p."monthlyLimit" IS NULL THEN 0 ELSE (
         SELECT COALESCE(SUM(l."quantity"), 0) FROM "redemption_lines" l
         JOIN "redemptions" r ON r."id" = l."redemptionId"
         WHERE r."accountId" = ? AND l."productId" = p."id" AND r."status" = 'completed'
           AND r."createdAt" >= ? AND r."createdAt" < ?
       ) END AS "taken"
     FROM "products" p WHERE p."id" IN (${items.map(() => '?').join(', ')})`,
    [accountId, from, to, ...items.map((item) => item.productId)],
  );
  const byId = new Map(products.map((product) => [product.id, product]));
  return items.map((item) => {
    const product = byId.get(item.productId);
    if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${item.productId}.`);
    if (!product.active) {
      throw DomainError.conflict('PRODUCT_UNAVAILABLE', `${product.name} is no longer offered.`);
    }
    if (product.stock < item.quantity) {
      throw DomainError.conflict('OUT_OF_STOCK', `${product.name}: only ${product.stock} left.`);
    }
    if (product.monthlyLimit !== null && product.taken + item.quantity > product.monthlyLimit) {
      throw DomainError.conflict(
        'LIMIT_EXCEEDED',
        `${product.name}: at most ${product.monthlyLimit} per month; ${product.taken} already redeemed this month.`,
      );
    }
    return {
      productId: product.id,
      productName: product.name,
      pricePoints: product.pricePoints,
      quantity: item.quantity,
      lineTotal: product.pricePoints * item.quantity,
    };
  });
}

/** The redemption row and all of its lines (one multi-row INSERT). */
async function insertRedemption(manager: EntityManager, r: RedemptionEntity, lines: PricedLine[]): Promise<void> {
  await sqlRun(
    manager,
    `INSERT INTO "redemptions" ("id", "receiptNo", "accountId", "memberId", "cardNo", "totalPoints", "balanceBefore",
       "balanceAfter", "status", "ledgerEntryId", "voidLedgerEntryId", "voidReason", "voidedBy", "voidedAt", "kioskId",
       "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      r.id,
      r.receiptNo,
      r.accountId,
      r.memberId,
      r.cardNo,
      r.totalPoints,
      r.balanceBefore,
      r.balanceAfter,
      r.status,
      r.ledgerEntryId,
      r.voidLedgerEntryId,
      r.voidReason,
      r.voidedBy,
      r.voidedAt,
      r.kioskId,
      r.createdAt,
    ],
  );
  await sqlRun(
    manager,
    `INSERT INTO "redemption_lines" ("redemptionId", "productId", "productName", "pricePoints", "quantity", "lineTotal")
     VALUES ${lines.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    lines.flatMap((line) => [r.id, line.productId, line.productName, line.pricePoints, line.quantity, line.lineTotal]),
  );
}
