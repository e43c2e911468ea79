import { Module } from '@nestjs/common';
import { HubRoleGuard } from '../hub/hub-role.guard';
import { DistrictController } from './district.controller';
import { DistrictRepository } from './district.repository';
import { DistrictService } from './district.service';

@Module({ controllers: [DistrictController], providers: [DistrictService, DistrictRepository, HubRoleGuard] })
export class DistrictModule {}
