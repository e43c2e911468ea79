/**
 * Indexes for the hub's month and quarter reports, written once for both engines:
 * - the district ranking reads a month of award entries across every account, and the member each
 *   entry's event check-in names (looked up by the entry);
 * - a store's ranking and settlement start from the accounts of the store;
 * - a store's goods received are read from the sync journal rows its kiosks pushed in the quarter
 *   (stock movements carry no kiosk, the journal row that brought them does).
 */
export const DISTRICT_INDEXES = [
  `CREATE INDEX "IDX_ledger_kind_time" ON "ledger_entries" ("kind", "createdAt")`,
  `CREATE INDEX "IDX_event_check_ins_entry" ON "event_check_ins" ("ledgerEntryId")`,
  `CREATE INDEX "IDX_hub_account_stores_store" ON "hub_account_stores" ("store", "accountId")`,
  `CREATE INDEX "IDX_sync_journal_store_time" ON "sync_journal" ("store", "createdAt")`,
];

export const DISTRICT_INDEX_NAMES = [
  'IDX_sync_journal_store_time',
  'IDX_hub_account_stores_store',
  'IDX_event_check_ins_entry',
  'IDX_ledger_kind_time',
];
