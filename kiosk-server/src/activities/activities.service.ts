import { Inject, Injectable } from '@nestjs/common';
import { AuditTrailService, changedFields } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { SEED_ACTOR } from '../seed/seed-actor';
import type { ActivityEntity } from './activity.entity';
import { ActivityRepository } from './activity.repository';

export interface ActivityChanges {
  name?: string;
  defaultPoints?: number;
  active?: boolean;
}

/** The activity as the change log shows it: what an admin sees and edits. */
function auditView({ id: _id, ...fields }: ActivityEntity): Record<string, unknown> {
  return fields;
}

function notFound(): DomainError {
  return DomainError.notFound('ACTIVITY_NOT_FOUND', 'No such activity.');
}

/** The catalogue of public-spirited work that earns points (积分项目). */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly repository: ActivityRepository,
    private readonly writes: WriteQueue,
    private readonly audit: AuditTrailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What staff choose from: the active activities, oldest first. */
  list(): Promise<ActivityEntity[]> {
    return this.repository.active();
  }

  /** Every activity, retired ones too, for the admin who keeps the list. */
  listAll(): Promise<ActivityEntity[]> {
    return this.repository.all();
  }

  /** An active activity, read inside the caller's write; 404 ACTIVITY_NOT_FOUND otherwise. */
  async active(tx: Tx, id: string): Promise<ActivityEntity> {
    const activity = await this.repository.find(id, tx);
    if (!activity?.active) throw notFound();
    return activity;
  }

  /** Any activity, also one taken out of use (the seed back-dates awards for its own). */
  async find(tx: Tx, id: string): Promise<ActivityEntity> {
    const activity = await this.repository.find(id, tx);
    if (!activity) throw notFound();
    return activity;
  }

  /** A new active activity; `409 ACTIVITY_NAME_TAKEN` when another has the name. */
  create(input: { name: string; defaultPoints: number }, actor: string = SEED_ACTOR): Promise<ActivityEntity> {
    this.requireKiosk();
    return this.writes.run(async (tx) => {
      const name = input.name.trim();
      await this.requireFreeName(tx, name);
      const activity: ActivityEntity = { id: uuidv7(), name, defaultPoints: input.defaultPoints, active: true };
      await this.repository.insert(tx, activity);
      await this.audit.record(tx, {
        actor,
        action: 'activity.create',
        entity: 'activity',
        entityId: activity.id,
        before: null,
        after: auditView(activity),
      });
      return activity;
    });
  }

  /**
   * Renames it, changes its usual points, or retires (`active: false`) or restores it. There is no
   * delete: past awards and reports name the activity.
   */
  update(id: string, changes: ActivityChanges, actor: string): Promise<ActivityEntity> {
    this.requireKiosk();
    return this.writes.run(async (tx) => {
      const before = await this.find(tx, id);
      const after: ActivityEntity = {
        id,
        name: changes.name?.trim() ?? before.name,
        defaultPoints: changes.defaultPoints ?? before.defaultPoints,
        active: changes.active ?? before.active,
      };
      if (after.name !== before.name) await this.requireFreeName(tx, after.name, id);
      const changed = changedFields(auditView(before), auditView(after));
      if (!changed) return before;
      await this.repository.update(tx, after);
      await this.audit.record(tx, { actor, action: 'activity.update', entity: 'activity', entityId: id, ...changed });
      return after;
    });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.repository.count()) === 0;
  }

  /**
   * Activities travel between a store's counters through the hub, but a change made at the hub goes
   * out only when it touches an account of a store (hub.service's journal scope): an activity made
   * there would reach no counter. So activities are kept at the kiosks.
   */
  private requireKiosk(): void {
    if (this.config.role !== 'kiosk') {
      throw DomainError.notFound('NOT_A_KIOSK', 'Activities are kept at the store kiosks, not at the hub.');
    }
  }

  private async requireFreeName(tx: Tx, name: string, exceptId?: string): Promise<void> {
    if (await this.repository.nameHolder(tx, name, exceptId)) {
      throw DomainError.conflict('ACTIVITY_NAME_TAKEN', `An activity is already called ${name}.`);
    }
  }
}
