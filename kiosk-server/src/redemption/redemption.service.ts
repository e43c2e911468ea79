import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditTrailService } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { monthRange } from '../common/time';
import { ProductEntity } from '../catalog/product.entity';
import { WriteQueue } from '../database/write-queue';
import { moveStock } from '../inventory/stock';
import { AccountEntity } from '../ledger/account.entity';
import { LedgerService } from '../ledger/ledger.service';
import { PrintQueue } from '../printing/print-queue.service';
import type { ResidentSession } from '../sessions/session.store';
import { SettingsService } from '../settings/settings.service';
import type { RedemptionItemDto, RedemptionResponse, VoidResponse } from './dto/redemption.dto';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { RedemptionEntity, RedemptionLineEntity } from './redemption.entity';

export interface RedemptionOutcome {
  response: RedemptionResponse;
  replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{8,100}$/;

export function toRedemptionResponse(
  redemption: RedemptionEntity,
  lines: RedemptionLineEntity[],
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

  private async redeemIn(
    manager: EntityManager,
    session: ResidentSession,
    key: string,
    items: RedemptionItemDto[],
  ): Promise<RedemptionOutcome> {
    const requestHash = hashRequest(items);
    const previous = await manager.findOneBy(IdempotencyRecordEntity, { accountId: session.accountId, key });
    if (previous) {
      if (previous.requestHash !== requestHash) {
        throw new DomainError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request.');
      }
      return { response: JSON.parse(previous.response) as RedemptionResponse, replayed: true };
    }

    const account = await manager.findOneByOrFail(AccountEntity, { id: session.accountId });
    const { minRedeemBalance } = this.settings.current;
    if (account.balance < minRedeemBalance) {
      throw DomainError.conflict(
        'BELOW_MINIMUM_BALANCE',
        `Redeeming starts at ${minRedeemBalance} points; the balance is ${account.balance}.`,
      );
    }
    const lines = await this.priceLines(manager, session.accountId, items);
    const total = lines.reduce((sum, line) => sum + line.lineTotal, 0);
    if (total > account.balance) {
      throw DomainError.conflict(
        'INSUFFICIENT_POINTS',
        `The balance of ${account.balance} points does not cover ${total} points.`,
      );
    }

    const id = uuidv7();
    const actor = `member:${session.memberId}`;
    const entry = await this.ledger.post(manager, {
      accountId: account.id,
      delta: -total,
      kind: 'redeem',
      reason: `兑换 ${lines.map((line) => `${line.productName}×${line.quantity}`).join('、')}`,
      actor,
      refId: id,
    });
    const redemption = manager.create(RedemptionEntity, {
      id,
      receiptNo: `${entry.kioskId}-${String(entry.seq).padStart(6, '0')}`,
      accountId: account.id,
      memberId: session.memberId,
      cardNo: session.cardNo,
      totalPoints: total,
      balanceBefore: account.balance,
      balanceAfter: entry.balanceAfter,
      status: 'completed',
      ledgerEntryId: entry.id,
      voidLedgerEntryId: null,
      voidReason: null,
      voidedBy: null,
      voidedAt: null,
      kioskId: entry.kioskId,
      createdAt: entry.createdAt,
    });
    await manager.insert(RedemptionEntity, redemption);
    for (const line of lines) {
      line.redemptionId = id;
      await moveStock(manager, {
        productId: line.productId,
        delta: -line.quantity,
        reason: 'redemption',
        actor,
        refId: id,
      });
    }
    await manager.insert(RedemptionLineEntity, lines);
    const job = await this.printQueue.enqueue(manager, id, 'receipt');
    const response = toRedemptionResponse(redemption, lines, job);
    await manager.insert(IdempotencyRecordEntity, {
      accountId: account.id,
      key,
      requestHash,
      redemptionId: id,
      response: JSON.stringify(response),
      createdAt: entry.createdAt,
    });
    return { response, replayed: false };
  }

  /** Prices each line and applies the stock and monthly-limit rules, each with its own code. */
  private async priceLines(
    manager: EntityManager,
    accountId: string,
    items: RedemptionItemDto[],
  ): Promise<RedemptionLineEntity[]> {
    const products = await manager.findBy(ProductEntity, { id: In(items.map((item) => item.productId)) });
    const byId = new Map(products.map((product) => [product.id, product]));
    const { from, to } = monthRange(new Date());
    const lines: RedemptionLineEntity[] = [];
    for (const item of items) {
      const product = byId.get(item.productId);
      if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${item.productId}.`);
      if (!product.active) {
        throw DomainError.conflict('PRODUCT_UNAVAILABLE', `${product.name} is no longer offered.`);
      }
      if (product.stock < item.quantity) {
        throw DomainError.conflict('OUT_OF_STOCK', `${product.name}: only ${product.stock} left.`);
      }
      if (product.monthlyLimit !== null) {
        const taken = await this.monthlyQuantity(manager, accountId, product.id, from, to);
        if (taken + item.quantity > product.monthlyLimit) {
          throw DomainError.conflict(
            'LIMIT_EXCEEDED',
            `${product.name}: at most ${product.monthlyLimit} per month; ${taken} already redeemed this month.`,
          );
        }
      }
      lines.push(
        manager.create(RedemptionLineEntity, {
          productId: product.id,
          productName: product.name,
          pricePoints: product.pricePoints,
          quantity: item.quantity,
          lineTotal: product.pricePoints * item.quantity,
        }),
      );
    }
    return lines;
  }

  private async monthlyQuantity(
    manager: EntityManager,
    accountId: string,
    productId: number,
    from: string,
    to: string,
  ): Promise<number> {
    const row = await manager
      .createQueryBuilder(RedemptionLineEntity, 'line')
      .innerJoin(RedemptionEntity, 'r', 'r.id = line.redemptionId')
      .select('COALESCE(SUM(line.quantity), 0)', 'quantity')
      .where('r.accountId = :accountId AND line.productId = :productId', { accountId, productId })
      .andWhere(`r.status = 'completed' AND r.createdAt >= :from AND r.createdAt < :to`, { from, to })
      .getRawOne<{ quantity: number }>();
    return Number(row?.quantity ?? 0);
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
