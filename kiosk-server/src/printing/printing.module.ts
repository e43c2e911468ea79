import { Global, Module } from '@nestjs/common';
import { PrintingController } from './printing.controller';
import { PrintJobRepository } from './print-job.repository';
import { PrintQueue } from './print-queue.service';

@Global()
@Module({ controllers: [PrintingController], providers: [PrintQueue, PrintJobRepository], exports: [PrintQueue] })
export class PrintingModule {}
