/** Who the demo seed's ledger entries and changes name: how a kiosk tells that it holds the demo store. */
export const SEED_ACTOR = 'system:seed';
