import { type BeforeApplicationShutdown, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { Database } from './database';
import { databaseOf, dataSourceOptions, openDataSource } from './data-source';
import { WriteQueue } from './write-queue';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule],
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('database options missing');
        return openDataSource(options);
      },
    }),
  ],
  providers: [
    { provide: Database, inject: [DataSource], useFactory: databaseOf },
    { provide: WriteQueue, inject: [Database], useFactory: (db: Database) => new WriteQueue(db) },
  ],
  exports: [Database, WriteQueue],
})
export class DatabaseModule implements BeforeApplicationShutdown {
  constructor(
    private readonly db: Database,
    private readonly writes: WriteQueue,
  ) {}

  /** Before TypeORM closes the connection: let queued writes commit, then release prepared statements. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.writes.idle();
    await this.db.close();
  }
}
