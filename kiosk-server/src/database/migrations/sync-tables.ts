/**
 * The sync tables, written once for both engines (they use only the dialect both share).
 *
 * - `sync_journal`: the outbox. One row per committed write that must travel, chained per origin
 *   (a kiosk id, or `hub`). Kiosks also keep the rows they pull, so that a digest per origin can be
 *   compared; the hub stamps each row it takes with its own change sequence (`hubSeq`, the pull
 *   cursor) and the store whose kiosks receive it.
 * - `sync_record_versions`: the clock of the last change applied to each mutable record, for
 *   "latest change wins".
 * - `sync_state`: a kiosk's own sync facts (hub's kiosk id, store, cursors, last result).
 * - `hub_kiosks`, `hub_nonces`, `hub_overdrafts`: the hub's enrolments, replay guard and flags;
 *   `hub_origins`: every origin a kiosk ever synced as (a restored kiosk takes a new one), so that
 *   no two kiosks ever write one chain; `hub_account_stores`: the store each account belongs to
 *   (where the hub's own changes to it must go).
 */
export const SYNC_TABLES = [
  `CREATE TABLE "sync_journal" (
    "origin" text NOT NULL,
    "seq" integer NOT NULL CHECK ("seq" >= 1),
    "hlc" text NOT NULL,
    "changes" text NOT NULL,
    "prevHash" text NOT NULL,
    "hash" text NOT NULL,
    "store" text,
    "hubSeq" integer,
    "createdAt" text NOT NULL,
    PRIMARY KEY ("origin", "seq"))`,
  `CREATE UNIQUE INDEX "IDX_sync_journal_hub_seq" ON "sync_journal" ("hubSeq") WHERE "hubSeq" IS NOT NULL`,
  `CREATE INDEX "IDX_sync_journal_store_hub_seq" ON "sync_journal" ("store", "hubSeq")`,
  `CREATE TABLE "sync_record_versions" (
    "tableName" text NOT NULL,
    "id" text NOT NULL,
    "hlc" text NOT NULL,
    PRIMARY KEY ("tableName", "id"))`,
  `CREATE TABLE "sync_state" ("key" text PRIMARY KEY NOT NULL, "value" text NOT NULL)`,
  `CREATE TABLE "hub_kiosks" (
    "kioskId" text PRIMARY KEY NOT NULL,
    "store" text NOT NULL,
    "name" text NOT NULL,
    "codeHash" text NOT NULL,
    "codeExpiresAt" text NOT NULL,
    "keyId" text UNIQUE,
    "publicKey" text,
    "origin" text UNIQUE,
    "cardKey" text,
    "enrolledAt" text,
    "lastSyncAt" text,
    "pulledTo" integer NOT NULL DEFAULT 0,
    "acknowledgedSeq" integer NOT NULL DEFAULT 0,
    "head" text NOT NULL,
    "chainProblem" text,
    "revokedAt" text,
    "revokedReason" text,
    "createdAt" text NOT NULL)`,
  `CREATE UNIQUE INDEX "IDX_hub_kiosks_store_name" ON "hub_kiosks" ("store", "name")`,
  `CREATE TABLE "hub_origins" (
    "origin" text PRIMARY KEY NOT NULL,
    "kioskId" text NOT NULL REFERENCES "hub_kiosks"("kioskId"),
    "boundAt" text NOT NULL)`,
  `CREATE TABLE "hub_account_stores" (
    "accountId" text PRIMARY KEY NOT NULL,
    "store" text NOT NULL)`,
  `CREATE TABLE "hub_nonces" (
    "keyId" text NOT NULL,
    "nonce" text NOT NULL,
    "seenAt" text NOT NULL,
    PRIMARY KEY ("keyId", "nonce"))`,
  `CREATE INDEX "IDX_hub_nonces_seen" ON "hub_nonces" ("seenAt")`,
  `CREATE TABLE "hub_overdrafts" (
    "id" text PRIMARY KEY NOT NULL,
    "accountId" text NOT NULL REFERENCES "accounts"("id"),
    "store" text NOT NULL,
    "amount" integer NOT NULL CHECK ("amount" > 0),
    "entries" text NOT NULL,
    "kiosks" text NOT NULL,
    "openedAt" text NOT NULL,
    "resolvedAt" text,
    "resolution" text CHECK ("resolution" IS NULL OR "resolution" IN ('covered','write-off','deduct')),
    "resolutionReason" text,
    "resolvedBy" text)`,
  `CREATE UNIQUE INDEX "IDX_hub_overdrafts_open" ON "hub_overdrafts" ("accountId") WHERE "resolvedAt" IS NULL`,
];

export const SYNC_TABLE_NAMES = [
  'hub_overdrafts',
  'hub_nonces',
  'hub_account_stores',
  'hub_origins',
  'hub_kiosks',
  'sync_state',
  'sync_record_versions',
  'sync_journal',
];
