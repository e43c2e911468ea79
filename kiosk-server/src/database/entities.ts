import { ActivityEntity } from '../activities/activity.entity';
import { AdminChangeEntity } from '../audit/admin-change.entity';
import { CardEntity } from '../cards/card.entity';
import { AwardEventEntity } from '../events/award-event.entity';
import { EventCheckInEntity } from '../events/event-check-in.entity';
import { ProductEntity } from '../catalog/product.entity';
import { StockMovementEntity } from '../inventory/stock-movement.entity';
import { AccountEntity } from '../ledger/account.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { MemberEntity } from '../members/member.entity';
import { PrintJobEntity } from '../printing/print-job.entity';
import { IdempotencyRecordEntity } from '../redemption/idempotency-record.entity';
import { RedemptionEntity, RedemptionLineEntity } from '../redemption/redemption.entity';
import { SettingEntity } from '../settings/setting.entity';
import { StaffEntity } from '../staff/staff.entity';

export const ENTITIES = [
  AccountEntity,
  LedgerEntryEntity,
  MemberEntity,
  CardEntity,
  ProductEntity,
  StockMovementEntity,
  RedemptionEntity,
  RedemptionLineEntity,
  IdempotencyRecordEntity,
  PrintJobEntity,
  StaffEntity,
  ActivityEntity,
  SettingEntity,
  AdminChangeEntity,
  AwardEventEntity,
  EventCheckInEntity,
];
