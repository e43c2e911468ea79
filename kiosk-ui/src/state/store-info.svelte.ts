import { api } from '../api/client';

/**
 * The store's name and resident rules, from `GET /api/kiosk`. Until it has answered (or when an
 * older server lacks the route) the screen shows a generic name and leaves the minimum balance
 * to the server's own check.
 */
class StoreInfo {
  storeName = $state<string | null>(null);
  minRedeemBalance = $state<number | null>(null);
  residentIdleSeconds = $state<number | null>(null);

  async load(): Promise<void> {
    try {
      const info = await api.kiosk();
      if (info.storeName.trim()) this.storeName = info.storeName;
      this.minRedeemBalance = info.minRedeemBalance;
      this.residentIdleSeconds = info.residentIdleSeconds;
    } catch {
      // Offline or an older server: keep what we have.
    }
  }
}

export const storeInfo = new StoreInfo();
