import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey } from 'node:crypto';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteQueue } from '../database/write-queue';
import { LedgerRepository } from '../ledger/ledger.repository';
import { SEED_ACTOR } from '../seed/seed-actor';
import { SYNC_BATCH } from './dto/protocol.dto';
import type { UsbExportResponse, UsbKioskImportResponse } from './dto/usb.dto';
import { JournalRepository } from './journal.repository';
import { JournalService } from './journal.service';
import { DeviceKey, deviceKeyId } from './request-signature';
import { SyncService } from './sync.service';
import {
  damaged,
  enrolmentCodeHash,
  enrolmentProof,
  readUsbFile,
  sameProof,
  USB_FORMAT,
  type UsbAnswerBody,
  type UsbPushBody,
  usbFileName,
  verifyUsbFile,
  writeUsbFile,
} from './usb-file';

/**
 * A kiosk's sync round by USB stick, for a store without network: the export is the push (and
 * asks for the store's changes after the pull cursor); the hub's answer file is applied as a pull
 * is. Every refusal comes before any write, so a refused file changes nothing.
 */
@Injectable()
export class UsbTransferService {
  constructor(
    private readonly writes: WriteQueue,
    private readonly repository: JournalRepository,
    private readonly journal: JournalService,
    private readonly sync: SyncService,
    private readonly cards: CardsService,
    private readonly ledger: LedgerRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async kioskState(): Promise<Map<string, string>> {
    if (this.config.role !== 'kiosk') throw DomainError.notFound('NOT_A_KIOSK', 'The hub does not sync with itself.');
    return this.repository.state();
  }

  private async enrolledState(): Promise<Map<string, string>> {
    const state = await this.kioskState();
    if (!state.has('kioskId')) {
      throw DomainError.conflict(
        'USB_NOT_ENROLLED',
        'This kiosk is not enrolled yet: enrol it with the code from the district hub first.',
      );
    }
    return state;
  }

  /**
   * The first export of a kiosk that cannot reach the hub: it asks to be enrolled with the code
   * (proved, never written into the file) and carries what the kiosk did meanwhile.
   */
  async exportEnrolmentFile(code: string): Promise<UsbExportResponse> {
    const state = await this.kioskState();
    if (state.has('kioskId')) {
      throw DomainError.conflict(
        'ALREADY_ENROLLED',
        `This kiosk is enrolled already (store ${state.get('store') ?? ''}).`,
      );
    }
    if (await this.ledger.hasEntriesBy(SEED_ACTOR)) {
      throw DomainError.conflict(
        'DEMO_DATA_PRESENT',
        'This kiosk holds the demo store; a kiosk for the district starts on an empty data directory with HUB_URL set.',
      );
    }
    const key = DeviceKey.loadOrCreate(this.config.dataDir);
    const origin = this.journal.origin;
    const entered = code.trim();
    return this.writeFile(
      state,
      '',
      {
        origin,
        publicKey: key.publicKeyPem,
        cardKey: this.cards.keys.publicKeyPem,
        proof: enrolmentProof(enrolmentCodeHash(entered), 'kiosk', key.keyId, origin),
      },
      { usbEnrolCode: entered },
    );
  }

  async exportFile(): Promise<UsbExportResponse> {
    const state = await this.enrolledState();
    if (state.get('origin') !== this.journal.origin) {
      throw DomainError.conflict(
        'USB_NEEDS_NETWORK',
        'This kiosk was restored from a backup and must tell the hub its new id over the network once.',
      );
    }
    return this.writeFile(state, state.get('kioskId')!);
  }

  private async writeFile(
    state: Map<string, string>,
    kioskId: string,
    enrol?: UsbPushBody['enrol'],
    remember: Record<string, string> = {},
  ): Promise<UsbExportResponse> {
    const origin = this.journal.origin;
    const acknowledged = Number(state.get('acknowledgedSeq') ?? 0);
    const rows = await this.repository.after(origin, acknowledged, SYNC_BATCH + 1);
    const fileSeq = Number(state.get('usbFileSeq') ?? 0) + 1;
    const now = new Date();
    const body: UsbPushBody = {
      format: USB_FORMAT,
      kind: 'push',
      kioskId,
      origin,
      store: state.get('store') ?? '',
      createdAt: now.toISOString(),
      fileSeq,
      rows: rows.slice(0, SYNC_BATCH).map((row) => ({ ...row, seq: Number(row.seq) })),
      more: rows.length > SYNC_BATCH,
      pullCursor: Number(state.get('pullCursor') ?? 0),
      origins: (await this.repository.digest()).map((o) => ({
        ...o,
        count: Number(o.count),
        lastSeq: Number(o.lastSeq),
      })),
      ...(enrol ? { enrol } : {}),
    };
    const file = writeUsbFile(DeviceKey.loadOrCreate(this.config.dataDir), body);
    // no change-log entry here: it would travel itself, and leave a row waiting after every export
    await this.writes.run((tx) =>
      this.repository.setState(tx, { usbFileSeq: fileSeq, lastUsbExportAt: body.createdAt, ...remember }),
    );
    return {
      fileName: usbFileName(kioskId || origin, 'push', now),
      file,
      fileSeq,
      rows: body.rows.length,
      more: body.more,
    };
  }

  async importFile(bytes: Buffer): Promise<UsbKioskImportResponse> {
    const state = await this.kioskState();
    const file = readUsbFile(bytes, 'answer');
    const enrolment: Record<string, string | null> = state.has('kioskId') ? {} : this.enrolmentIn(file.body, state);
    const kioskId = state.get('kioskId') ?? enrolment.kioskId;
    const hubKey = state.get('hubPublicKey') ?? enrolment.hubPublicKey;
    if (!hubKey) {
      throw DomainError.conflict(
        'USB_HUB_KEY_UNKNOWN',
        "This kiosk does not know the hub's key yet, so it cannot check the file: sync over the network once.",
      );
    }
    verifyUsbFile(file, hubKey, hubKeyId(hubKey));
    const answer = file.body;
    if (answer.kioskId !== kioskId) {
      throw DomainError.conflict(
        'USB_OTHER_KIOSK',
        'This answer file was made for another kiosk; nothing was imported. Use the file made for this one.',
      );
    }
    const lastAnswered = Number(state.get('usbAnswerSeq') ?? 0);
    if (file.hash === state.get('usbAnswerHash') || answer.answersFileSeq === lastAnswered) {
      throw DomainError.conflict(
        'USB_ALREADY_IMPORTED',
        'This answer was imported already; nothing was changed. Export a new file for the hub.',
      );
    }
    const cursor = Number(state.get('pullCursor') ?? 0);
    if (answer.answersFileSeq < lastAnswered || answer.after > cursor) {
      throw DomainError.conflict(
        'USB_FILE_OLD',
        'This answer file is older than one imported already; nothing was changed. Use the newest answer file.',
      );
    }
    if (!Number.isInteger(answer.answersFileSeq) || answer.answersFileSeq > Number(state.get('usbFileSeq') ?? 0)) {
      throw damaged('it answers an export this kiosk did not make');
    }
    const acknowledgedSeq = answer.ack.acknowledgedSeq;
    const before = Number(state.get('acknowledgedSeq') ?? 0);
    const at = new Date().toISOString();
    const lastError = answer.ack.problem
      ? JSON.stringify({
          code: 'CHAIN_BROKEN',
          message: `The district hub refused this kiosk's records: ${answer.ack.problem}.`,
          at,
        })
      : undefined;
    const received = await this.sync.applyPull(answer.pull, {
      // a kiosk enrolled by this very file becomes so with the rows, in the same write
      ...enrolment,
      acknowledgedSeq,
      usbAnswerSeq: answer.answersFileSeq,
      usbAnswerHash: file.hash,
      lastUsbImportAt: at,
      lastPullAt: answer.createdAt,
      // the hub found rows missing here: the next export asks for the store from the start
      ...(answer.digest.rescan ? { pullCursor: 0 } : {}),
      // this file was a sync that worked: the error of an earlier round (over the network, that
      // never reached the hub) is no longer the last word on the page
      lastError: lastError ?? null,
    });
    if (enrolment.store) await this.sync.adoptStoreName(enrolment.store);
    return {
      answersFileSeq: answer.answersFileSeq,
      received,
      acknowledged: Math.max(0, acknowledgedSeq - before),
      acknowledgedSeq,
      pending: await this.repository.countAfter(this.journal.origin, acknowledgedSeq),
      more: answer.pull.more,
      rescan: answer.digest.rescan,
      ...(answer.ack.problem ? { problem: answer.ack.problem } : {}),
    };
  }

  /**
   * A kiosk that exported an enrolment file takes the hub's key from the answer only with the
   * hub's proof that it knows this kiosk's code; else the answer is not for it.
   */
  private enrolmentIn(answer: UsbAnswerBody, state: Map<string, string>): Record<string, string | null> {
    const code = state.get('usbEnrolCode');
    const enrolment = answer.enrolment;
    if (!code || !enrolment) {
      throw DomainError.conflict(
        'USB_NOT_ENROLLED',
        'This kiosk is not enrolled yet: enrol it with the code from the district hub first (by network or by USB).',
      );
    }
    const key = DeviceKey.loadOrCreate(this.config.dataDir);
    if (enrolment.kioskKeyId !== key.keyId) {
      throw DomainError.conflict(
        'USB_OTHER_KIOSK',
        'This answer file was made for another kiosk; nothing was imported. Use the file made for this one.',
      );
    }
    const expected = enrolmentProof(enrolmentCodeHash(code), 'hub', enrolment.hubKey, key.keyId, enrolment.kioskId);
    if (!sameProof(expected, enrolment.proof)) throw damaged("it does not prove the hub knows this kiosk's code");
    return {
      kioskId: enrolment.kioskId,
      store: enrolment.store,
      name: enrolment.name,
      origin: this.journal.origin,
      enrolledAt: new Date().toISOString(),
      hubPublicKey: enrolment.hubKey,
      usbEnrolCode: null,
    };
  }
}

function hubKeyId(pem: string): string {
  try {
    return deviceKeyId(createPublicKey(pem));
  } catch {
    throw damaged("the hub's key is malformed");
  }
}
