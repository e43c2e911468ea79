import { Module } from '@nestjs/common';
import { BackupModule } from '../backup/backup.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

@Module({ imports: [BackupModule], controllers: [HealthController], providers: [HealthRepository] })
export class HealthModule {}
