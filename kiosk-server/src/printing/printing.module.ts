import { Global, Module } from '@nestjs/common';
import { PrintingController } from './printing.controller';
import { PrintQueue } from './print-queue.service';

@Global()
@Module({ controllers: [PrintingController], providers: [PrintQueue], exports: [PrintQueue] })
export class PrintingModule {}
