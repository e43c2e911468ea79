import { limits } from '../../../api/limits';
import type { SettingsPatch, StoreSettings } from '../../api';
import { changedFields, type FieldProblem, textField, wholeNumber } from '../../forms';

/** The rules form as typed: numbers are text until checked. */
export interface SettingsForm {
  storeName: string;
  minRedeemBalance: string;
  residentIdleSeconds: string;
  offlineAllowance: string;
  largeQuantity: string;
  receiptHeader: string;
  receiptFooter: string;
  showNameOnCard: boolean;
}

export type SettingsField = Exclude<keyof SettingsForm, 'showNameOnCard'>;

const settings = limits.UpdateSettingsDto;

/** The server's limits (UpdateSettingsDto, from its OpenAPI document). */
export const SETTING_LIMITS = {
  storeName: settings.storeName.maxLength,
  minRedeemBalance: { min: settings.minRedeemBalance.minimum, max: settings.minRedeemBalance.maximum },
  residentIdleSeconds: { min: settings.residentIdleSeconds.minimum, max: settings.residentIdleSeconds.maximum },
  offlineAllowance: { min: settings.offlineAllowance.minimum, max: settings.offlineAllowance.maximum },
  largeQuantity: { min: settings.largeQuantity.minimum, max: settings.largeQuantity.maximum },
  receiptText: Math.min(settings.receiptHeader.maxLength, settings.receiptFooter.maxLength),
} as const;

export function settingsFormOf(settings: StoreSettings): SettingsForm {
  return {
    storeName: settings.storeName,
    minRedeemBalance: String(settings.minRedeemBalance),
    residentIdleSeconds: String(settings.residentIdleSeconds),
    offlineAllowance: String(settings.offlineAllowance),
    largeQuantity: String(settings.largeQuantity),
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
    showNameOnCard: settings.showNameOnCard,
  };
}

export type SettingsCheck =
  { ok: true; body: StoreSettings } | { ok: false; problems: Partial<Record<SettingsField, FieldProblem>> };

export function checkSettings(form: SettingsForm): SettingsCheck {
  const storeName = textField(form.storeName, SETTING_LIMITS.storeName, true);
  const minimum = wholeNumber(
    form.minRedeemBalance,
    SETTING_LIMITS.minRedeemBalance.min,
    SETTING_LIMITS.minRedeemBalance.max,
  );
  const idle = wholeNumber(
    form.residentIdleSeconds,
    SETTING_LIMITS.residentIdleSeconds.min,
    SETTING_LIMITS.residentIdleSeconds.max,
  );
  const allowance = wholeNumber(
    form.offlineAllowance,
    SETTING_LIMITS.offlineAllowance.min,
    SETTING_LIMITS.offlineAllowance.max,
  );
  const large = wholeNumber(form.largeQuantity, SETTING_LIMITS.largeQuantity.min, SETTING_LIMITS.largeQuantity.max);
  const header = textField(form.receiptHeader, SETTING_LIMITS.receiptText, false);
  const footer = textField(form.receiptFooter, SETTING_LIMITS.receiptText, false);
  if (storeName.ok && minimum.ok && idle.ok && allowance.ok && large.ok && header.ok && footer.ok) {
    return {
      ok: true,
      body: {
        storeName: storeName.value,
        minRedeemBalance: minimum.value,
        residentIdleSeconds: idle.value,
        offlineAllowance: allowance.value,
        largeQuantity: large.value,
        receiptHeader: header.value,
        receiptFooter: footer.value,
        showNameOnCard: form.showNameOnCard,
      },
    };
  }
  const problems: Partial<Record<SettingsField, FieldProblem>> = {};
  if (!storeName.ok) problems.storeName = storeName.problem;
  if (!minimum.ok) problems.minRedeemBalance = minimum.problem;
  if (!idle.ok) problems.residentIdleSeconds = idle.problem;
  if (!allowance.ok) problems.offlineAllowance = allowance.problem;
  if (!large.ok) problems.largeQuantity = large.problem;
  if (!header.ok) problems.receiptHeader = header.problem;
  if (!footer.ok) problems.receiptFooter = footer.problem;
  return { ok: false, problems };
}

/** The rules the form changes compared with the saved ones (what the PATCH sends). */
export function settingsChanges(saved: StoreSettings, body: StoreSettings): SettingsPatch {
  return changedFields<SettingsPatch>(saved, body);
}

/** Fields compared as typed; the others ignore spaces around them, as the check does. */
const EXACT: readonly (keyof SettingsForm)[] = ['receiptHeader', 'receiptFooter', 'showNameOnCard'];

/** How many fields of the form differ from what is saved (before any check). */
export function unsavedCount(saved: StoreSettings, form: SettingsForm): number {
  const shown = settingsFormOf(saved);
  const same = (key: keyof SettingsForm) =>
    EXACT.includes(key) ? shown[key] === form[key] : String(shown[key]).trim() === String(form[key]).trim();
  return (Object.keys(shown) as (keyof SettingsForm)[]).filter((key) => !same(key)).length;
}
