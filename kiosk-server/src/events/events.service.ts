import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import { ActivitiesService } from '../activities/activities.service';
import { AuditTrailService } from '../audit/audit-trail.service';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { formatLocal } from '../common/time';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { toLedgerEntryResponse } from '../ledger/dto/ledger-entry.mapper';
import { LedgerService } from '../ledger/ledger.service';
import type { AwardEventEntity } from './award-event.entity';
import type {
  CheckInResponse,
  CheckInResultResponse,
  CreateEventDto,
  EventDetailResponse,
  EventResponse,
} from './dto/event.dto';
import { EventRepository, type EventRow } from './event.repository';

function toEventResponse(row: EventRow): EventResponse {
  return { ...row, points: Number(row.points), checkInCount: Number(row.checkInCount) };
}

/**
 * Event check-in mode: an admin opens an event for an activity, then scans cards one after another.
 * Each member earns the event's points once: the award entry and the check-in row are written in
 * one transaction, and the unique (event, member) index refuses a second check-in.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly repository: EventRepository,
    private readonly writes: WriteQueue,
    private readonly ledger: LedgerService,
    private readonly cards: CardsService,
    private readonly activities: ActivitiesService,
    private readonly trail: AuditTrailService,
  ) {}

  create(input: CreateEventDto, actor: string): Promise<EventResponse> {
    return this.writes.run(async (tx) => {
      const activity = await this.activities.active(tx, input.activityId);
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
      await this.repository.insert(tx, event);
      await this.trail.record(tx, {
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
    return (await this.repository.list(open)).map(toEventResponse);
  }

  async detail(id: string): Promise<EventDetailResponse> {
    const event = await this.eventIn(id);
    const rows = await this.repository.checkIns(id);
    const checkIns: CheckInResponse[] = rows.map((row) => ({
      memberId: row.memberId,
      displayName: maskName(row.name),
      createdAt: row.createdAt,
      ledgerEntryId: row.ledgerEntryId,
    }));
    return { event, checkIns };
  }

  checkIn(id: string, qr: string, actor: string): Promise<CheckInResultResponse> {
    return this.writes.run(async (tx) => {
      const event = await this.eventIn(id, tx);
      if (event.closedAt) throw DomainError.conflict('EVENT_CLOSED', `${event.name} is closed: no more check-ins.`);
      const { member } = await this.cards.scan(qr, tx);
      const alreadyCheckedIn = () =>
        DomainError.conflict('ALREADY_CHECKED_IN', `${maskName(member.name)} has already checked in at ${event.name}.`);
      if (await this.repository.hasCheckIn(tx, id, member.id)) throw alreadyCheckedIn();
      const entry = await this.ledger.post(tx, {
        accountId: member.accountId,
        delta: event.points,
        kind: 'award',
        reason: event.name,
        actor,
        refId: `event:${id}`,
      });
      const checkedIn = await this.repository.insertCheckIn(tx, {
        id: uuidv7(),
        eventId: id,
        memberId: member.id,
        ledgerEntryId: entry.id,
        createdAt: entry.createdAt,
      });
      // Throwing rolls the award entry back with the rest of this write.
      if (!checkedIn) throw alreadyCheckedIn();
      return {
        member: { id: member.id, displayName: maskName(member.name) },
        account: { id: member.accountId, balance: entry.balanceAfter },
        entry: toLedgerEntryResponse(entry),
        checkInCount: await this.repository.countCheckIns(tx, id),
      };
    });
  }

  /** Closing an event that is already closed changes nothing and answers the event as it is. */
  close(id: string, actor: string): Promise<EventResponse> {
    return this.writes.run(async (tx) => {
      const event = await this.eventIn(id, tx);
      if (event.closedAt) return event;
      const closedAt = new Date().toISOString();
      await this.repository.close(tx, id, closedAt);
      await this.trail.record(tx, {
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

  private async eventIn(id: string, tx?: Tx): Promise<EventResponse> {
    const row = await this.repository.find(id, tx);
    if (!row) throw DomainError.notFound('EVENT_NOT_FOUND', 'No such event.');
    return toEventResponse(row);
  }
}
