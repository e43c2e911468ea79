import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditTrailService } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { monthRange } from '../common/time';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { InventoryRepository } from '../inventory/inventory.repository';
import { LedgerService } from '../ledger/ledger.service';
import { PrintQueue } from '../printing/print-queue.service';
import type { ResidentSession } from '../sessions/session.store';
import { SettingsService } from '../settings/settings.service';
import { SyncService } from '../sync/sync.service';
import type { RedemptionItemDto, RedemptionResponse, VoidResponse } from './dto/redemption.dto';
import type { RedemptionEntity } from './redemption.entity';
import { type CheckoutProduct, type PricedLine, RedemptionRepository } from './redemption.repository';

export interface RedemptionOutcome {
  response: RedemptionResponse;
  replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{8,100}$/;

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
    private readonly redemptions: RedemptionRepository,
    private readonly stock: InventoryRepository,
    private readonly writes: WriteQueue,
    private readonly ledger: LedgerService,
    private readonly settings: SettingsService,
    private readonly printQueue: PrintQueue,
    private readonly audit: AuditTrailService,
    private readonly sync: SyncService,
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
      const outcome = await this.writes.run((tx) => this.redeemIn(tx, session, key, items));
      if (!outcome.replayed) this.printQueue.wake();
      return outcome;
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  /** The checkout: a few plain statements (see RedemptionRepository), no more round trips than needed. */
  private async redeemIn(
    tx: Tx,
    session: ResidentSession,
    key: string,
    items: RedemptionItemDto[],
  ): Promise<RedemptionOutcome> {
    const requestHash = hashRequest(items);
    const offlineSince = this.sync.offlineSince();
    const start = await this.redemptions.checkoutStart(
      tx,
      session,
      key,
      offlineSince === undefined ? undefined : { kioskId: this.settings.kioskId, since: offlineSince },
    );
    if (!start) throw DomainError.notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    const { balance, previous } = start;
    if (previous) {
      if (previous.requestHash !== requestHash) {
        throw new DomainError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request.');
      }
      return { response: JSON.parse(previous.response) as RedemptionResponse, replayed: true };
    }
    if (start.cardStatus !== 'active') {
      throw DomainError.unauthorized('CARD_REVOKED', 'This card was cancelled after it was scanned.');
    }
    if (start.memberAccountId !== session.accountId) {
      throw DomainError.conflict('MEMBER_MOVED', 'This member now belongs to another account; scan the card again.');
    }

    const { minRedeemBalance } = this.settings.current;
    if (balance < minRedeemBalance) {
      throw DomainError.conflict(
        'BELOW_MINIMUM_BALANCE',
        `Redeeming starts at ${minRedeemBalance} points; the balance is ${balance}.`,
        { balance, minimum: minRedeemBalance },
      );
    }
    const found = await this.redemptions.checkoutProducts(
      tx,
      session.accountId,
      monthRange(new Date()),
      items.map((item) => item.productId),
    );
    const lines = priceLines(found, items);
    const total = lines.reduce((sum, line) => sum + line.lineTotal, 0);
    if (total > balance) {
      throw DomainError.conflict(
        'INSUFFICIENT_POINTS',
        `The balance of ${balance} points does not cover ${total} points.`,
        { balance, required: total },
      );
    }
    const { offlineAllowance } = this.settings.current;
    if (offlineSince !== undefined && start.spentOffline + total > offlineAllowance) {
      throw DomainError.conflict(
        'OFFLINE_ALLOWANCE',
        `This kiosk cannot reach the district hub, so it may spend at most ${offlineAllowance} points of this account until it syncs (${start.spentOffline} spent already).`,
        { allowance: offlineAllowance, spentOffline: start.spentOffline, required: total },
      );
    }

    const id = uuidv7();
    const actor = `member:${session.memberId}`;
    const entry = await this.ledger.post(tx, {
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
    await this.redemptions.insert(tx, redemption, lines);
    for (const line of lines) {
      await this.stock.moveStock(tx, {
        productId: line.productId,
        delta: -line.quantity,
        reason: 'redemption',
        actor,
        refId: id,
      });
    }
    const job = await this.printQueue.enqueue(tx, id, 'receipt');
    const response = toRedemptionResponse(redemption, lines, job);
    await this.redemptions.insertIdempotencyRecord(tx, {
      accountId: session.accountId,
      key,
      requestHash,
      redemptionId: id,
      response: JSON.stringify(response),
      createdAt: entry.createdAt,
    });
    return { response, replayed: false };
  }

  /** Returns the points and the goods; the original ledger entry stays, a reversing one is added. */
  voidRedemption(id: string, reason: string, actor: string): Promise<VoidResponse> {
    return this.writes.run(async (tx) => {
      const redemption = await this.redemptions.find(id, tx);
      if (!redemption) throw DomainError.notFound('REDEMPTION_NOT_FOUND', 'No such redemption.');
      if (redemption.status === 'voided') {
        throw DomainError.conflict('ALREADY_VOIDED', `Receipt ${redemption.receiptNo} was already voided.`);
      }
      const entry = await this.ledger.post(tx, {
        accountId: redemption.accountId,
        delta: redemption.totalPoints,
        kind: 'void',
        reason: `撤销兑换 ${redemption.receiptNo}：${reason}`,
        actor,
        refId: redemption.id,
      });
      for (const line of await this.redemptions.lines(id, tx)) {
        await this.stock.moveStock(tx, {
          productId: line.productId,
          delta: line.quantity,
          reason: 'void',
          actor,
          refId: id,
          note: reason,
        });
      }
      await this.redemptions.markVoided(tx, id, {
        voidLedgerEntryId: entry.id,
        voidReason: reason,
        voidedBy: actor,
        voidedAt: entry.createdAt,
      });
      await this.audit.record(tx, {
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
    const redemption = await this.redemptions.find(id);
    if (!redemption) throw DomainError.notFound('REDEMPTION_NOT_FOUND', 'No such redemption.');
    const lines = await this.redemptions.lines(id);
    return toRedemptionResponse(redemption, lines, await this.printQueue.statusOf(id));
  }
}

/**
 * SHA-256 of the basket in a canonical order (by product id, compared as text), so the same basket
 * listed in another order is the same request.
 */
export function hashRequest(items: Pick<RedemptionItemDto, 'productId' | 'quantity'>[]): string {
  const canonical = JSON.stringify(
    [...items]
      .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0))
      .map((item) => [item.productId, item.quantity]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** Prices each line and applies the stock and monthly-limit rules, each with its own code. */
function priceLines(products: CheckoutProduct[], items: RedemptionItemDto[]): PricedLine[] {
  const byId = new Map(products.map((product) => [product.id, product]));
  return items.map((item) => {
    const product = byId.get(item.productId);
    if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${item.productId}.`);
    if (!product.active) {
      throw DomainError.conflict('PRODUCT_UNAVAILABLE', `${product.name} is no longer offered.`);
    }
    if (product.stock < item.quantity) {
      throw DomainError.conflict('OUT_OF_STOCK', `${product.name}: only ${product.stock} left.`, {
        productId: product.id,
        available: product.stock,
      });
    }
    if (product.monthlyLimit !== null && product.taken + item.quantity > product.monthlyLimit) {
      throw DomainError.conflict(
        'LIMIT_EXCEEDED',
        `${product.name}: at most ${product.monthlyLimit} per month; ${product.taken} already redeemed this month.`,
        { productId: product.id, limit: product.monthlyLimit, alreadyThisMonth: product.taken },
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
