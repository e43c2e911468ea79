import { createHash } from 'node:crypto';
import type { RowChange } from '../database/sql-runner';

export const JOURNAL_GENESIS = '0'.repeat(64);

/** The origin of changes made at the hub itself. */
export const HUB_ORIGIN = 'hub';

/**
 * One committed write that travels: every row it created or changed, in the order written, with
 * its place in its origin's chain. The journal is what is shipped, chained and verified.
 */
export interface JournalRow {
  origin: string;
  seq: number;
  /** Hybrid logical clock of the write: "latest change wins" for records compares these. */
  hlc: string;
  /** The changes as JSON text (`RowChange[]`); hashed as stored, so no engine re-encodes it. */
  changes: string;
  createdAt: string;
  prevHash: string;
  hash: string;
}

/** SHA-256 over a canonical array of every field but the hash itself. */
export function hashJournalRow(row: Omit<JournalRow, 'hash'>): string {
  const canonical = JSON.stringify([
    'journal-v1',
    row.origin,
    row.seq,
    row.hlc,
    row.changes,
    row.createdAt,
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function parseChanges(row: Pick<JournalRow, 'changes'>): RowChange[] {
  return JSON.parse(row.changes) as RowChange[];
}

/** What a node holds of one origin's chain: compared at the end of a round. */
export interface OriginDigest {
  origin: string;
  count: number;
  lastSeq: number;
  head: string;
}
