import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import type { ActivityEntity } from './activity.entity';
import { ActivityRepository } from './activity.repository';

/** The catalogue of public-spirited work that earns points (积分项目). */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly repository: ActivityRepository,
    private readonly writes: WriteQueue,
  ) {}

  /** What staff choose from: the active activities, oldest first. */
  list(): Promise<ActivityEntity[]> {
    return this.repository.active();
  }

  /** An active activity, read inside the caller's write; 404 ACTIVITY_NOT_FOUND otherwise. */
  async active(tx: Tx, id: string): Promise<ActivityEntity> {
    const activity = await this.repository.find(id, tx);
    if (!activity?.active) throw DomainError.notFound('ACTIVITY_NOT_FOUND', 'No such activity.');
    return activity;
  }

  /** Any activity, also one taken out of use (the seed back-dates awards for its own). */
  async find(tx: Tx, id: string): Promise<ActivityEntity> {
    const activity = await this.repository.find(id, tx);
    if (!activity) throw DomainError.notFound('ACTIVITY_NOT_FOUND', 'No such activity.');
    return activity;
  }

  create(input: { name: string; defaultPoints: number }): Promise<ActivityEntity> {
    return this.writes.run(async (tx) => {
      const activity: ActivityEntity = {
        id: uuidv7(),
        name: input.name,
        defaultPoints: input.defaultPoints,
        active: true,
      };
      await this.repository.insert(tx, activity);
      return activity;
    });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.repository.count()) === 0;
  }
}
