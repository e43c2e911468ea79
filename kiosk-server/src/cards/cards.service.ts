import { Inject, Injectable } from '@nestjs/common';
import type { CardFace } from '@kiosk/hardware';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { MemberEntity } from '../members/member.entity';
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

@Injectable()
export class CardsService {
  readonly keys: CardKeys;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
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

  /** What is printed on a card: the QR is signed afresh, so any active card can be printed again. */
  async activeFaces(memberId?: string): Promise<(CardFace & { household: string | null })[]> {
    const query = this.dataSource
      .createQueryBuilder(CardEntity, 'card')
      .innerJoin(MemberEntity, 'member', 'member.id = card.memberId')
      .select(['card.cardNo AS cardNo', 'member.name AS name', 'member.household AS household'])
      .where(`card.status = 'active'`)
      .orderBy('card.cardNo', 'ASC');
    if (memberId) query.andWhere('member.id = :memberId', { memberId });
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

  /** Resolves a scanned QR text to an active card and its member; 401 for anything else. */
  async scan(qr: unknown): Promise<ScannedCard> {
    const parsed = this.keys.verify(qr);
    if (!parsed) throw DomainError.unauthorized('CARD_INVALID', 'This card is not valid here.');
    const card = await this.dataSource.getRepository(CardEntity).findOneBy({ cardNo: parsed.cardNo });
    if (!card) throw DomainError.unauthorized('CARD_INVALID', 'This card is not valid here.');
    if (card.status !== 'active') {
      throw DomainError.unauthorized('CARD_REVOKED', 'This card has been replaced or cancelled.');
    }
    const member = await this.dataSource.getRepository(MemberEntity).findOneByOrFail({ id: card.memberId });
    return { card, member };
  }
}
