import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { ActivityEntity } from '../activities/activity.entity';
import { AuditTrailService } from '../audit/audit-trail.service';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { formatLocal } from '../common/time';
import { WriteQueue } from '../database/write-queue';
import { toLedgerEntryResponse } from '../ledger/dto/ledger-entry.mapper';
import { LedgerService } from '../ledger/ledger.service';
import { MemberEntity } from '../members/member.entity';
import { AwardEventEntity } from './award-event.entity';
import type {
  CheckInResponse,
  CheckInResultResponse,
  CreateEventDto,
  EventDetailResponse,
  EventResponse,
} from './dto/event.dto';
import { EventCheckInEntity } from './event-check-in.entity';

interface EventRow {
  id: string;
  activityId: number;
  activityName: string;
  name: string;
  points: number;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  checkInCount: number;
}

function toEventResponse(row: EventRow): EventResponse {
  return {
    ...row,
    activityId: Number(row.activityId),
    points: Number(row.points),
    checkInCount: Number(row.checkInCount),
  };
}

/** A second insert of the same (event, member): the primary key refused it. */
function isDuplicateKey(error: unknown): boolean {
  return error instanceof QueryFailedError && /UNIQUE constraint failed|duplicate key/i.test(error.message);
}

/**
 * Event check-in mode: an admin opens an event for an activity, then scans cards one after another.
 * Each member earns the event's points once: the award entry and the check-in row are written in
 * one transaction, and the (event, member) primary key refuses a second check-in.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly ledger: LedgerService,
    private readonly cards: CardsService,
    private readonly trail: AuditTrailService,
  ) {}

  create(input: CreateEventDto, actor: string): Promise<EventResponse> {
    return this.writes.run(async (manager) => {
      const activity = await manager.findOneBy(ActivityEntity, { id: input.activityId, active: true });
      if (!activity) throw DomainError.notFound('ACTIVITY_NOT_FOUND', 'No such activity.');
      const points = input.points ?? activity.defaultPoints;
      if (points <= 0) {
        throw DomainError.validation(
          `${activity.name} deducts points; an event awards them, so give the points to award.`,
        );
      }
      const now = new Date().toISOString();
      const event: AwardEventEntity = {
        id: uuidv7(),
        activityId: activity.id,
        name: input.name?.trim() || `${activity.name} ${formatLocal(now).slice(0, 10)}`,
        points,
        createdBy: actor,
        createdAt: now,
        closedAt: null,
      };
      await manager.insert(AwardEventEntity, event);
      await this.trail.record(manager, {
        actor,
        action: 'event.create',
        entity: 'event',
        entityId: event.id,
        after: { activityId: event.activityId, name: event.name, points: event.points },
      });
      return { ...event, activityName: activity.name, checkInCount: 0 };
    });
  }

  /** Newest first; `open` true keeps the events still taking check-ins, false the closed ones. */
  async list(open?: boolean): Promise<EventResponse[]> {
    const query = this.eventQuery(this.dataSource.manager).orderBy('event.id', 'DESC');
    if (open === true) query.where('event.closedAt IS NULL');
    if (open === false) query.where('event.closedAt IS NOT NULL');
    return (await query.getRawMany<EventRow>()).map(toEventResponse);
  }

  async detail(id: string): Promise<EventDetailResponse> {
    const event = await this.eventIn(this.dataSource.manager, id);
    const rows = await this.dataSource
      .createQueryBuilder(EventCheckInEntity, 'checkIn')
      .innerJoin(MemberEntity, 'member', 'member.id = checkIn.memberId')
      .select([
        'checkIn.memberId AS memberId',
        'member.name AS name',
        'checkIn.createdAt AS createdAt',
        'checkIn.ledgerEntryId AS ledgerEntryId',
      ])
      .where('checkIn.eventId = :id', { id })
      .orderBy('checkIn.createdAt', 'DESC')
      .addOrderBy('checkIn.ledgerEntryId', 'DESC')
      .getRawMany<{ memberId: string; name: string; createdAt: string; ledgerEntryId: string }>();
    const checkIns: CheckInResponse[] = rows.map((row) => ({
      memberId: row.memberId,
      displayName: maskName(row.name),
      createdAt: row.createdAt,
      ledgerEntryId: row.ledgerEntryId,
    }));
    return { event, checkIns };
  }

  checkIn(id: string, qr: string, actor: string): Promise<CheckInResultResponse> {
    return this.writes.run(async (manager) => {
      const event = await this.eventIn(manager, id);
      if (event.closedAt) throw DomainError.conflict('EVENT_CLOSED', `${event.name} is closed: no more check-ins.`);
      const { member } = await this.cards.scan(qr, manager);
      const alreadyCheckedIn = () =>
        DomainError.conflict('ALREADY_CHECKED_IN', `${maskName(member.name)} has already checked in at ${event.name}.`);
      if (await manager.existsBy(EventCheckInEntity, { eventId: id, memberId: member.id })) throw alreadyCheckedIn();
      const entry = await this.ledger.post(manager, {
        accountId: member.accountId,
        delta: event.points,
        kind: 'award',
        reason: event.name,
        actor,
        refId: `event:${id}`,
      });
      try {
        await manager.insert(EventCheckInEntity, {
          eventId: id,
          memberId: member.id,
          ledgerEntryId: entry.id,
          createdAt: entry.createdAt,
        });
      } catch (error) {
        // Throwing rolls the award entry back with the rest of this write.
        if (isDuplicateKey(error)) throw alreadyCheckedIn();
        throw error;
      }
      return {
        member: { id: member.id, displayName: maskName(member.name) },
        account: { id: member.accountId, balance: entry.balanceAfter },
        entry: toLedgerEntryResponse(entry),
        checkInCount: await manager.countBy(EventCheckInEntity, { eventId: id }),
      };
    });
  }

  /** Closing an event that is already closed changes nothing and answers the event as it is. */
  close(id: string, actor: string): Promise<EventResponse> {
    return this.writes.run(async (manager) => {
      const event = await this.eventIn(manager, id);
      if (event.closedAt) return event;
      const closedAt = new Date().toISOString();
      await manager.update(AwardEventEntity, { id }, { closedAt });
      await this.trail.record(manager, {
        actor,
        action: 'event.close',
        entity: 'event',
        entityId: id,
        before: { closedAt: null },
        after: { closedAt, checkInCount: event.checkInCount },
      });
      return { ...event, closedAt };
    });
  }

  private eventQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder(AwardEventEntity, 'event')
      .innerJoin(ActivityEntity, 'activity', 'activity.id = event.activityId')
      .select([
        'event.id AS id',
        'event.activityId AS activityId',
        'activity.name AS activityName',
        'event.name AS name',
        'event.points AS points',
        'event.createdBy AS createdBy',
        'event.createdAt AS createdAt',
        'event.closedAt AS closedAt',
      ])
      .addSelect('(SELECT COUNT(*) FROM event_check_ins c WHERE c.eventId = event.id)', 'checkInCount');
  }

  private async eventIn(manager: EntityManager, id: string): Promise<EventResponse> {
    const row = await this.eventQuery(manager).where('event.id = :id', { id }).getRawOne<EventRow>();
    if (!row) throw DomainError.notFound('EVENT_NOT_FOUND', 'No such event.');
    return toEventResponse(row);
  }
}
