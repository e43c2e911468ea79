import { Injectable } from '@nestjs/common';
import { ActivitiesService } from '../activities/activities.service';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import type { AwardPointsDto } from './dto/ledger.dto';
import type { LedgerEntryEntity } from './ledger-entry.entity';
import { LedgerService } from './ledger.service';

/** Awards for public-spirited work and deductions (e.g. a failed yard inspection), by admins. */
@Injectable()
export class PointsService {
  constructor(
    private readonly writes: WriteQueue,
    private readonly ledger: LedgerService,
    private readonly cards: CardsService,
    private readonly activities: ActivitiesService,
  ) {}

  async award(input: AwardPointsDto, actor: string): Promise<LedgerEntryEntity> {
    if (Boolean(input.accountId) === Boolean(input.qr)) {
      throw DomainError.validation('Give exactly one of accountId or qr.');
    }
    if (!input.activityId && !input.reason) throw DomainError.validation('Give an activityId or a reason.');
    const accountId = input.accountId ?? (await this.cards.scan(input.qr)).member.accountId;
    return this.writes.run(async (tx) => {
      const activity = input.activityId ? await this.activities.active(tx, input.activityId) : null;
      const points = input.points ?? activity?.defaultPoints;
      if (!points) throw DomainError.validation('points is required when no activity is given.');
      const reason = [activity?.name, input.reason?.trim()].filter(Boolean).join('：');
      return this.ledger.post(tx, {
        accountId,
        delta: points,
        kind: points > 0 ? 'award' : 'adjust',
        reason,
        actor,
        refId: activity ? `activity:${activity.id}` : null,
      });
    });
  }
}
