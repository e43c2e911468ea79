import { Inject, Injectable } from '@nestjs/common';
import type { CardFace } from '@kiosk/hardware';
import { AuditTrailService } from '../audit/audit-trail.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import type { MemberEntity } from '../members/member.entity';
import { SessionStore } from '../sessions/session.store';
import { SettingsService } from '../settings/settings.service';
import type { CardEntity } from './card.entity';
import { CardRepository } from './card.repository';
import { CardKeys } from './card-keys';
import { isValidCardNumber, randomCardNumber } from './card-number';

export interface IssuedCard {
  cardNo: string;
  qr: string;
}

export interface ScannedCard {
  card: CardEntity;
  member: MemberEntity;
}

export interface RevokedCard {
  cardNo: string;
  status: 'revoked';
  revokedAt: string;
}

@Injectable()
export class CardsService {
  readonly keys: CardKeys;
  private catchUp: (() => Promise<void>) | undefined;

  constructor(
    private readonly repository: CardRepository,
    private readonly settings: SettingsService,
    private readonly writes: WriteQueue,
    private readonly trail: AuditTrailService,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keys = CardKeys.loadOrCreate(config.dataDir);
  }

  /** Issues a new active card to a member, revoking the member's previous cards. */
  async issue(tx: Tx, memberId: string, cardNo?: string): Promise<IssuedCard> {
    const now = new Date().toISOString();
    await this.repository.revokeActiveOf(tx, memberId, now);
    let number = cardNo ?? randomCardNumber();
    if (!isValidCardNumber(number)) throw DomainError.validation('Invalid card number.');
    while (!cardNo && (await this.repository.exists(tx, number))) number = randomCardNumber();
    await this.repository.insert(tx, {
      cardNo: number,
      memberId,
      status: 'active',
      keyId: this.keys.keyId,
      issuedAt: now,
      revokedAt: null,
    });
    return { cardNo: number, qr: this.keys.sign(number) };
  }

  /** Cancels a lost or misused card for good; a resident signed in with it is signed out. */
  async revoke(cardNo: string, reason: string, actor: string): Promise<RevokedCard> {
    const revoked = await this.writes.run(async (tx) => {
      const card = await this.repository.find(cardNo, tx);
      if (!card) throw DomainError.notFound('CARD_NOT_FOUND', `There is no card ${cardNo}.`);
      if (card.status === 'revoked') {
        throw DomainError.conflict('ALREADY_REVOKED', `Card ${cardNo} was already cancelled.`);
      }
      const revokedAt = new Date().toISOString();
      await this.repository.revoke(tx, cardNo, revokedAt);
      await this.trail.record(tx, {
        actor,
        action: 'card.revoke',
        entity: 'card',
        entityId: cardNo,
        before: { status: card.status, revokedAt: null },
        after: { status: 'revoked', revokedAt, reason, memberId: card.memberId },
      });
      return { cardNo, status: 'revoked' as const, revokedAt };
    });
    this.sessions.endResidents((session) => session.cardNo === cardNo);
    return revoked;
  }

  /** Every card a member has had, newest first. */
  history(memberId: string): Promise<CardEntity[]> {
    return this.repository.history(memberId);
  }

  /** A member's active card, read inside the caller's write. */
  activeCardOf(tx: Tx, memberId: string): Promise<CardEntity | undefined> {
    return this.repository.activeOf(tx, memberId);
  }

  /** What is printed on a card: the QR is signed afresh, so any active card can be printed again. */
  async activeFaces(memberIds?: string | string[]): Promise<(CardFace & { household: string | null })[]> {
    const rows = await this.repository.activeWithHolders(typeof memberIds === 'string' ? [memberIds] : memberIds);
    const { storeName, showNameOnCard } = this.settings.current;
    return rows.map((row) => ({
      qr: this.keys.sign(row.cardNo),
      cardNo: row.cardNo,
      memberName: row.name,
      household: row.household,
      communityName: storeName,
      showName: showNameOnCard,
    }));
  }

  /**
   * How to fetch the store's newest changes (set by sync on a kiosk of a hub), tried once when a
   * correctly signed card is not found here.
   */
  whenCardUnknown(catchUp: () => Promise<void>): void {
    this.catchUp = catchUp;
  }

  /**
   * Resolves a scanned QR text to an active card and its member; 401 for anything else. Inside a
   * write, pass its `tx` so the card is checked in the same transaction that uses it.
   */
  async scan(qr: unknown, tx?: Tx): Promise<ScannedCard> {
    const parsed = this.keys.verify(qr);
    if (!parsed) throw DomainError.unauthorized('CARD_INVALID', 'This card is not valid here.');
    let found = await this.repository.findWithMember(parsed.cardNo, tx);
    // a genuine card this kiosk does not know yet may have been issued at another counter moments ago
    if (!found && !tx && this.catchUp) {
      await this.catchUp();
      found = await this.repository.findWithMember(parsed.cardNo);
    }
    if (!found) throw DomainError.unauthorized('CARD_INVALID', 'This card is not valid here.');
    if (found.card.status !== 'active') {
      throw DomainError.unauthorized('CARD_REVOKED', 'This card has been replaced or cancelled.');
    }
    return found;
  }
}
