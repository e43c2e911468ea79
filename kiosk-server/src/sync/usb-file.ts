import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/domain-error';
import { refuseDeepJson } from '../common/validation';
import type { DigestResponse, PullResponse, PushResponse } from './dto/protocol.dto';
import type { JournalRow, OriginDigest } from './journal';
import { type DeviceKey, signFileBody, verifyFileBody } from './request-signature';

/**
 * A sync round carried on a USB stick (SYNC.md "Protocol", in files): the kiosk's push, and the
 * hub's answer (acknowledgement, pull, digest). The file is a small JSON envelope whose `body` is
 * the signed text itself, so the signature covers its exact bytes whatever reads the envelope.
 */
export const USB_FORMAT = 'pksync-1';
export const USB_EXTENSION = '.pksync';

export interface UsbPushBody {
  format: typeof USB_FORMAT;
  kind: 'push';
  kioskId: string;
  origin: string;
  store: string;
  createdAt: string;
  /** Counts up per kiosk: the hub's answer names it, so the kiosk can tell an old answer. */
  fileSeq: number;
  rows: JournalRow[];
  /** More rows wait than one file carries: export again after importing the answer. */
  more: boolean;
  pullCursor: number;
  /** What the kiosk holds per origin, for the hub's digest. */
  origins: OriginDigest[];
  /** A kiosk not enrolled yet asks to be, by file (then `kioskId` is empty). */
  enrol?: UsbEnrolRequest;
}

/**
 * Enrolment without network. The code never goes on the stick: the kiosk proves it knows it with
 * an HMAC keyed by the code's hash (which the hub keeps), and the hub proves the same in its answer,
 * so the kiosk can trust the hub key the answer brings. Anyone else holding the stick can do neither.
 */
export interface UsbEnrolRequest {
  origin: string;
  publicKey: string;
  cardKey: string;
  proof: string;
}

export interface UsbEnrolment {
  kioskId: string;
  store: string;
  name: string;
  hubKey: string;
  /** The device key id of the kiosk enrolled: the answer is for it only. */
  kioskKeyId: string;
  proof: string;
}

export interface UsbAnswerBody {
  format: typeof USB_FORMAT;
  kind: 'answer';
  kioskId: string;
  store: string;
  createdAt: string;
  answersFileSeq: number;
  /** The hub's push answer: every row of the kiosk up to `acknowledgedSeq` is held there. */
  ack: PushResponse;
  /** The pull cursor of the export this answers: the rows below are those after it. */
  after: number;
  pull: PullResponse;
  digest: DigestResponse;
  /** Set when the export asked to enrol the kiosk. */
  enrolment?: UsbEnrolment;
}

export type UsbBody = UsbPushBody | UsbAnswerBody;

interface Envelope {
  format: typeof USB_FORMAT;
  keyId: string;
  signature: string;
  body: string;
}

/** A file read but not yet trusted: its body parsed, its signature still to check. */
export interface UsbFile<T extends UsbBody = UsbBody> {
  keyId: string;
  signature: string;
  text: string;
  body: T;
  /** SHA-256 of the whole file: the same file imported twice is the same hash. */
  hash: string;
}

export function writeUsbFile(key: DeviceKey, body: UsbBody): string {
  const text = JSON.stringify(body);
  const envelope: Envelope = { format: USB_FORMAT, ...signFileBody(key, text), body: text };
  return JSON.stringify(envelope);
}

export function usbFileName(kioskId: string, kind: 'push' | 'answer', at: Date): string {
  const time = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `points-${kioskId}${kind === 'answer' ? '-answer' : ''}-${time}${USB_EXTENSION}`;
}

export function damaged(why: string): DomainError {
  return DomainError.conflict(
    'USB_FILE_DAMAGED',
    `This file is damaged or was altered (${why}); nothing was imported. Export it again.`,
  );
}

/**
 * Reads a file and checks that it is of the kind this side takes; every other defect is "damaged".
 * The signature is checked by `verifyUsbFile`, once the caller knows whose key it must be.
 */
export function readUsbFile<K extends UsbBody['kind']>(bytes: Buffer, kind: K): UsbFile<Extract<UsbBody, { kind: K }>> {
  let envelope: Partial<Envelope>;
  let body: Partial<UsbBody>;
  try {
    refuseDeepJson(bytes);
    envelope = JSON.parse(bytes.toString('utf8')) as Partial<Envelope>;
    const text = Buffer.from(String(envelope.body), 'utf8');
    refuseDeepJson(text);
    body = JSON.parse(text.toString('utf8')) as Partial<UsbBody>;
  } catch {
    throw damaged('it is not readable');
  }
  if (envelope.format !== USB_FORMAT || body.format !== USB_FORMAT) throw damaged('it is not a sync file');
  if (typeof envelope.keyId !== 'string' || typeof envelope.signature !== 'string') throw damaged('it is not signed');
  if (body.kind !== kind) {
    if (body.kind === 'push' || body.kind === 'answer') {
      throw DomainError.conflict(
        'USB_WRONG_KIND',
        body.kind === 'push'
          ? "This is a kiosk's export file: import it at the district hub."
          : "This is the hub's answer file: import it at the kiosk it was made for.",
      );
    }
    throw damaged('it is not a sync file');
  }
  if (typeof body.kioskId !== 'string' || typeof body.createdAt !== 'string') throw damaged('fields are missing');
  return {
    keyId: envelope.keyId,
    signature: envelope.signature,
    text: envelope.body as string,
    body: body as Extract<UsbBody, { kind: K }>,
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The file's signature must verify with the key it must come from. */
export function verifyUsbFile(file: UsbFile, publicKeyPem: string, keyId: string): void {
  if (file.keyId !== keyId || !verifyFileBody(publicKeyPem, file.text, file.signature)) {
    throw damaged('its signature does not verify');
  }
}

/** The enrolment code as the hub keeps it: SHA-256 of its letters and digits, in capitals. */
export function enrolmentCodeHash(code: string): string {
  const normalized = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return createHash('sha256').update(`enrolment:${normalized}`).digest('hex');
}

/** HMAC of the parts keyed by the code's hash: who made it knew the code (kiosk) or its hash (hub). */
export function enrolmentProof(codeHash: string, ...parts: string[]): string {
  return createHmac('sha256', codeHash)
    .update(['PSK-USB-ENROL1', ...parts].join('\n'))
    .digest('base64url');
}

export function sameProof(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
