import type { DataSource, EntityManager } from 'typeorm';

/**
 * One FIFO queue for every write transaction. TypeORM shares one SQLite connection, so two
 * overlapping `transaction()` calls would interleave their statements; here each transaction
 * starts only after the previous one has committed or rolled back.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly dataSource: DataSource) {}

  get depth(): number {
    return this.pending;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.then(
      () => (this.pending -= 1),
      () => (this.pending -= 1),
    );
    return result;
  }
}
