import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuditTrailService, changedFields } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { HUB_ORIGIN } from '../sync/journal';
import { SettingsRepository } from './settings.repository';

/** Store rules an admin can change at the counter; kept in the database, defaults from PRODUCT.md. */
export interface StoreSettings {
  storeName: string;
  /** "With 10 points you can redeem a small gift". */
  minRedeemBalance: number;
  residentIdleSeconds: number;
  receiptHeader: string;
  receiptFooter: string;
  showNameOnCard: boolean;
  /**
   * Points an account may spend at this kiosk while its view of the store is stale (no sync with
   * the hub lately) and other kiosks can spend the same points; 0 refuses such spends.
   */
  offlineAllowance: number;
  /**
   * A delivery of more pieces than this is asked about once more on Receive goods, with the number
   * in words (a slip of the keypad, 9999 for 99, is otherwise booked at once). The screen asks; the
   * server books any quantity it always booked.
   */
  largeQuantity: number;
}

export const DEFAULT_SETTINGS: StoreSettings = {
  storeName: '幸福社区积分超市',
  minRedeemBalance: 10,
  residentIdleSeconds: 120,
  receiptHeader: '',
  receiptFooter: '文明实践 积分兑换 谢谢您的奉献',
  showNameOnCard: true,
  offlineAllowance: 20,
  largeQuantity: 100,
};

const SETTING_RULES: { [K in keyof StoreSettings]: (value: unknown) => boolean } = {
  storeName: (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= 40,
  minRedeemBalance: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100000,
  residentIdleSeconds: (v) => Number.isInteger(v) && (v as number) >= 15 && (v as number) <= 3600,
  receiptHeader: (v) => typeof v === 'string' && v.length <= 80,
  receiptFooter: (v) => typeof v === 'string' && v.length <= 80,
  showNameOnCard: (v) => typeof v === 'boolean',
  offlineAllowance: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100000,
  largeQuantity: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100000,
};

@Injectable()
export class SettingsService implements OnModuleInit {
  private values: StoreSettings = { ...DEFAULT_SETTINGS };
  private kiosk = '';

  constructor(
    private readonly repository: SettingsRepository,
    private readonly writes: WriteQueue,
    private readonly audit: AuditTrailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const stored = await this.load();
    if (this.config.role === 'hub') {
      // the hub's own ledger entries (overdraft write-offs) form the chain `hub`
      this.kiosk = HUB_ORIGIN;
      return;
    }
    const storedId = stored.get('kioskId') as string | undefined;
    // a restore that gave the kiosk a new id (see BackupRepository.takeNewOrigin) outranks KIOSK_ID
    this.kiosk =
      (stored.get('kioskIdAfterRestore') === true ? storedId : undefined) ?? this.config.kioskId ?? storedId ?? '';
    if (!this.kiosk) {
      // Generated once and kept: ledger sequence numbers are per kiosk id and must never restart.
      this.kiosk = `K${randomBytes(3).toString('hex').toUpperCase()}`;
      await this.writes.run((tx) => this.save(tx, 'kioskId', this.kiosk));
    }
  }

  get current(): Readonly<StoreSettings> {
    return this.values;
  }

  get kioskId(): string {
    return this.kiosk;
  }

  /** Changes some rules and records what changed in the audit trail, in one transaction. */
  async update(input: Partial<StoreSettings>, actor: string): Promise<StoreSettings> {
    const patch = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined),
    ) as Partial<StoreSettings>;
    for (const [key, value] of Object.entries(patch)) {
      const rule = SETTING_RULES[key as keyof StoreSettings];
      if (!rule) throw DomainError.validation(`Unknown setting "${key}".`);
      if (!rule(value)) throw DomainError.validation(`Setting "${key}" has an invalid value.`);
    }
    try {
      return await this.writes.run(async (tx) => {
        const before = this.values;
        const after: StoreSettings = { ...before, ...patch };
        const changed = changedFields({ ...before }, { ...after });
        if (!changed) return after;
        for (const key of Object.keys(changed.after)) await this.save(tx, key, changed.after[key]);
        await this.audit.record(tx, {
          actor,
          action: 'settings.update',
          entity: 'settings',
          entityId: 'store',
          ...changed,
        });
        // Set now, so that a later change in the same group commit compares against this one.
        this.values = after;
        return after;
      });
    } catch (error) {
      // The transaction did not commit: what is in memory must be what is stored.
      await this.load();
      throw error;
    }
  }

  /** Reads the stored rules over the defaults; STORE_NAME from the environment wins over the stored name. */
  private async load(): Promise<Map<string, unknown>> {
    const rows = await this.repository.all();
    const stored = new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
    const values: StoreSettings = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof StoreSettings)[]) {
      const value = stored.get(key);
      if (value !== undefined && SETTING_RULES[key](value)) Object.assign(values, { [key]: value });
    }
    if (this.config.storeName) values.storeName = this.config.storeName;
    this.values = values;
    return stored;
  }

  private save(tx: Tx, key: string, value: unknown): Promise<void> {
    return this.repository.save(tx, key, JSON.stringify(value));
  }
}
