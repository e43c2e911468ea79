import { Inject, Injectable } from '@nestjs/common';
import type { CardFace } from '@kiosk/hardware';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit/audit-trail.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import { MemberEntity } from '../members/member.entity';
import { SessionStore } from '../sessions/session.store';
import { SettingsService } from '../settings/settings.service';
import { CardEntity } from './card.entity';
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly writes: WriteQueue,
    private readonly trail: AuditTrailService,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keys = CardKeys.loadOrCreate(config.dataDir);
  }

  /** Issues a new active card to a member, revoking the member's previous cards. */
  async issue(manager: EntityManager, memberId: string, cardNo?: string): Promise<IssuedCard> {
    const now = new Date().toISOString();
    await manager.update(CardEntity, { memberId, status: 'active' }, { status: 'revoked', revokedAt: now });
    let number = cardNo ?? randomCardNumber();
    if (!isValidCardNumber(number)) throw DomainError.validation('Invalid card number.');
    while (!cardNo && (await manager.existsBy(CardEntity, { cardNo: number }))) number = randomCardNumber();
    await manager.insert(CardEntity, {
      cardNo: number,
      memberId,
      status: 'active',
      keyId: this.keys.keyId,
      issuedAt: now,
    });
    return { cardNo: number, qr: this.keys.sign(number) };
  }

  /** Cancels a lost or misused card for good; a resident signed in with it is signed out. */
  async revoke(cardNo: string, reason: string, actor: string): Promise<RevokedCard> {
    const revoked = await this.writes.run(async (manager) => {
      const card = await manager.findOneBy(CardEntity, { cardNo });
      if (!card) throw DomainError.notFound('CARD_NOT_FOUND', `There is no card ${cardNo}.`);
      if (card.status === 'revoked') {
        throw DomainError.conflict('ALREADY_REVOKED', `Card ${cardNo} was already cancelled.`);
      }
      const revokedAt = new Date().toISOString();
      await manager.update(CardEntity, { cardNo }, { status: 'revoked', revokedAt });
      await this.trail.record(manager, {
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
    return this.dataSource.getRepository(CardEntity).find({ where: { memberId }, order: { issuedAt: 'DESC' } });
  }

  /** What is printed on a card: the QR is signed afresh, so any active card can be printed again. */
  async activeFaces(memberIds?: string | string[]): Promise<(CardFace & { household: string | null })[]> {
    const query = this.dataSource
      .createQueryBuilder(CardEntity, 'card')
      .innerJoin(MemberEntity, 'member', 'member.id = card.memberId')
      .select(['card.cardNo AS cardNo', 'member.name AS name', 'member.household AS household'])
      .where(`card.status = 'active'`)
      .orderBy('card.cardNo', 'ASC');
    if (typeof memberIds === 'string') query.andWhere('member.id = :memberId', { memberId: memberIds });
    else if (memberIds) query.andWhere('member.id IN (:...memberIds)', { memberIds });
    const rows = await query.getRawMany<{ cardNo: string; name: string; household: string | null }>();
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
   * Resolves a scanned QR text to an active card and its member; 401 for anything else. Inside a
   * write, pass its manager so the card is checked in the same transaction that uses it.
   */
  async scan(qr: unknown, manager: EntityManager = this.dataSource.manager): Promise<ScannedCard> {
    const parsed = this.keys.verify(qr);
    if (!parsed) throw DomainError.unauthorized('CARD_INVALID', 'This card is not valid here.');
    const card = await manager.findOneBy(CardEntity, { cardNo: parsed.cardNo });
    if (!card) throw DomainError.unauthorized('CARD_INVALID', 'This card is not valid here.');
    if (card.status !== 'active') {
      throw DomainError.unauthorized('CARD_REVOKED', 'This card has been replaced or cancelled.');
    }
    const member = await manager.findOneByOrFail(MemberEntity, { id: card.memberId });
    return { card, member };
  }
}
