import type { Component } from 'svelte';
import type { KioskInfo } from '../api/client';
import type { StaffRole } from './api';
import type { StaffIconName } from './components/icons';
import type { StaffMessageKey } from './i18n';

/** Where a screen's tile sits on the home menu. */
export type MenuSection = 'daily' | 'admin';

/** What the server is (`GET /api/kiosk` → role): a store's kiosk, or the district hub with its own screens. */
export type ServerRole = KioskInfo['role'];

/**
 * One screen of the staff console. Adding a screen = one entry below + one folder
 * `screens/<Name>/` holding `<Name>.svelte` (no props; it reads `staffConsole`), its state and its
 * texts (`messages.ts`, see `i18n/index.ts`). The component is loaded on first use.
 */
export interface StaffScreen {
  /** Stable id, also used in test ids: `staff-menu-<id>`, `screen-staff-<id>`. */
  id: string;
  /** Title on the menu tile and in the top bar (staff catalogue key). */
  label: StaffMessageKey;
  /** One line under the title on the menu tile. */
  hint: StaffMessageKey;
  icon: StaffIconName;
  /** Who may open it; the server checks the same roles on every route it calls. */
  roles: readonly StaffRole[];
  section: MenuSection;
  /** Which server's console shows it; a store kiosk's when left out. */
  server?: ServerRole;
  load: () => Promise<{ default: Component }>;
}

export const EVERY_ROLE: readonly StaffRole[] = ['volunteer', 'admin'];
export const ADMIN_ONLY: readonly StaffRole[] = ['admin'];

export const STAFF_SCREENS: readonly StaffScreen[] = [
  // Daily work: volunteers and admins.
  {
    id: 'receive',
    label: 'menu.receive',
    hint: 'menu.receiveHint',
    icon: 'box',
    roles: EVERY_ROLE,
    section: 'daily',
    load: () => import('./screens/Receive/Receive.svelte'),
  },
  {
    id: 'stocktake',
    label: 'menu.stocktake',
    hint: 'menu.stocktakeHint',
    icon: 'clipboard',
    roles: EVERY_ROLE,
    section: 'daily',
    load: () => import('./screens/Stocktake/Stocktake.svelte'),
  },
  {
    id: 'low-stock',
    label: 'menu.lowStock',
    hint: 'menu.lowStockHint',
    icon: 'lowStock',
    roles: EVERY_ROLE,
    section: 'daily',
    load: () => import('./screens/LowStock/LowStock.svelte'),
  },
  {
    id: 'reprint',
    label: 'menu.reprint',
    hint: 'menu.reprintHint',
    icon: 'printer',
    roles: EVERY_ROLE,
    section: 'daily',
    load: () => import('./screens/Reprint/Reprint.svelte'),
  },
  {
    id: 'help',
    label: 'menu.help',
    hint: 'menu.helpHint',
    icon: 'person',
    roles: EVERY_ROLE,
    section: 'daily',
    load: () => import('./screens/HelpResident/HelpResident.svelte'),
  },
  {
    id: 'my-pin',
    label: 'menu.myPin',
    hint: 'menu.myPinHint',
    icon: 'lock',
    roles: EVERY_ROLE,
    section: 'daily',
    load: () => import('./screens/Staff/MyPin.svelte'),
  },
  // Administration (admins only): add entries here with `roles: ADMIN_ONLY, section: 'admin'`.
  {
    id: 'members',
    label: 'menu.members',
    hint: 'menu.membersHint',
    icon: 'people',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Members/Members.svelte'),
  },
  {
    id: 'points',
    label: 'menu.points',
    hint: 'menu.pointsHint',
    icon: 'plusMinus',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Points/Points.svelte'),
  },
  {
    id: 'check-in',
    label: 'menu.checkIn',
    hint: 'menu.checkInHint',
    icon: 'scan',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/CheckIn/CheckIn.svelte'),
  },
  {
    id: 'redemptions',
    label: 'menu.redemptions',
    hint: 'menu.redemptionsHint',
    icon: 'receipt',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Redemptions/Redemptions.svelte'),
  },
  {
    id: 'ranking',
    label: 'menu.ranking',
    hint: 'menu.rankingHint',
    icon: 'star',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Ranking/Ranking.svelte'),
  },
  {
    id: 'catalog',
    label: 'menu.catalog',
    hint: 'menu.catalogHint',
    icon: 'tag',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Catalog/Catalog.svelte'),
  },
  {
    id: 'activities',
    label: 'menu.activities',
    hint: 'menu.activitiesHint',
    icon: 'check',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Activities/Activities.svelte'),
  },
  {
    id: 'settings',
    label: 'menu.settings',
    hint: 'menu.settingsHint',
    icon: 'sliders',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Settings/Settings.svelte'),
  },
  {
    id: 'reports',
    label: 'menu.reports',
    hint: 'menu.reportsHint',
    icon: 'chart',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Reports/Reports.svelte'),
  },
  {
    id: 'audit',
    label: 'menu.audit',
    hint: 'menu.auditHint',
    icon: 'shield',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Audit/Audit.svelte'),
  },
  {
    id: 'sync',
    label: 'menu.sync',
    hint: 'menu.syncHint',
    icon: 'sync',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Sync/Sync.svelte'),
  },
  {
    id: 'staff',
    label: 'menu.staff',
    hint: 'menu.staffHint',
    icon: 'people',
    roles: ADMIN_ONLY,
    section: 'admin',
    load: () => import('./screens/Staff/Staff.svelte'),
  },
  // The district hub's console: these instead of the store's screens.
  {
    id: 'hub-kiosks',
    label: 'menu.hubKiosks',
    hint: 'menu.hubKiosksHint',
    icon: 'store',
    roles: ADMIN_ONLY,
    section: 'admin',
    server: 'hub',
    load: () => import('./screens/HubKiosks/HubKiosks.svelte'),
  },
  {
    id: 'hub-overdrafts',
    label: 'menu.hubOverdrafts',
    hint: 'menu.hubOverdraftsHint',
    icon: 'alert',
    roles: ADMIN_ONLY,
    section: 'admin',
    server: 'hub',
    load: () => import('./screens/HubOverdrafts/HubOverdrafts.svelte'),
  },
  {
    id: 'hub-ranking',
    label: 'menu.hubRanking',
    hint: 'menu.hubRankingHint',
    icon: 'star',
    roles: ADMIN_ONLY,
    section: 'admin',
    server: 'hub',
    load: () => import('./screens/Ranking/Ranking.svelte'),
  },
  {
    id: 'hub-settlement',
    label: 'menu.hubSettlement',
    hint: 'menu.hubSettlementHint',
    icon: 'receipt',
    roles: ADMIN_ONLY,
    section: 'admin',
    server: 'hub',
    load: () => import('./screens/HubSettlement/HubSettlement.svelte'),
  },
  // The hub has staff of its own too (they do not travel with the sync).
  {
    id: 'hub-staff',
    label: 'menu.staff',
    hint: 'menu.staffHint',
    icon: 'people',
    roles: ADMIN_ONLY,
    section: 'admin',
    server: 'hub',
    load: () => import('./screens/Staff/Staff.svelte'),
  },
  {
    id: 'hub-my-pin',
    label: 'menu.myPin',
    hint: 'menu.myPinHint',
    icon: 'lock',
    roles: EVERY_ROLE,
    section: 'daily',
    server: 'hub',
    load: () => import('./screens/Staff/MyPin.svelte'),
  },
];

/** The screens a role may open on this server, in menu order; none while signed out. */
export function screensFor(
  role: StaffRole | null,
  screens: readonly StaffScreen[] = STAFF_SCREENS,
  server: ServerRole = 'kiosk',
): StaffScreen[] {
  return role ? screens.filter((screen) => screen.roles.includes(role) && (screen.server ?? 'kiosk') === server) : [];
}

/** The menu, grouped by section, leaving out sections with nothing for this role. */
export function menuFor(
  role: StaffRole | null,
  screens: readonly StaffScreen[] = STAFF_SCREENS,
  server: ServerRole = 'kiosk',
): { section: MenuSection; screens: StaffScreen[] }[] {
  const allowed = screensFor(role, screens, server);
  return (['daily', 'admin'] as const)
    .map((section) => ({ section, screens: allowed.filter((screen) => screen.section === section) }))
    .filter((group) => group.screens.length > 0);
}

const loaded = new Map<string, Promise<{ default: Component }>>();

/** A screen's component, imported once; a failed import is tried again next time. */
export function loadScreen(screen: StaffScreen): Promise<{ default: Component }> {
  let promise = loaded.get(screen.id);
  if (!promise) {
    promise = screen.load().catch((error: unknown) => {
      loaded.delete(screen.id);
      throw error;
    });
    loaded.set(screen.id, promise);
  }
  return promise;
}
