import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { dataSourceOptions, openDatabase } from './data-source';
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
        return openDatabase(options);
      },
    }),
  ],
  providers: [{ provide: WriteQueue, inject: [DataSource], useFactory: (ds: DataSource) => new WriteQueue(ds) }],
  exports: [WriteQueue],
})
export class DatabaseModule {}
