import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { createPublicKey } from 'node:crypto';
import { AuditTrailService } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import { DigestRequest, EnrolRequest, PushRequest } from '../sync/dto/protocol.dto';
import type { UsbHubImportResponse } from '../sync/dto/usb.dto';
import { deviceKeyId } from '../sync/request-signature';
import {
  damaged,
  enrolmentProof,
  readUsbFile,
  sameProof,
  USB_FORMAT,
  type UsbAnswerBody,
  type UsbFile,
  usbFileName,
  type UsbPushBody,
  verifyUsbFile,
  writeUsbFile,
} from '../sync/usb-file';
import { HubRepository } from './hub.repository';
import { HubService } from './hub.service';

/**
 * A store without network brings its kiosk's export file; the hub takes it exactly as a signed
 * push (same checks, same chain flags), answers what a pull and a digest would, and signs the
 * answer with its own key. The same export imported again is answered again: its rows are held
 * already (a row sent twice must be the same row), so the only effect is a fresh answer file,
 * which is what a store admin who lost the first one needs; the kiosk takes one answer per export.
 */
@Injectable()
export class HubUsbService {
  constructor(
    private readonly hub: HubService,
    private readonly repository: HubRepository,
    private readonly writes: WriteQueue,
    private readonly audit: AuditTrailService,
  ) {}

  async importFile(bytes: Buffer, actor: string): Promise<UsbHubImportResponse> {
    const file = readUsbFile(bytes, 'push');
    const kioskId = file.body.enrol ? await this.enrolFrom(file) : file.body.kioskId;
    // the file names its kiosk; only the key bound at its enrolment can have signed it
    const found = await this.repository.kiosk(kioskId);
    if (!found?.publicKey || !found.keyId || !found.origin) {
      throw DomainError.conflict(
        'USB_KIOSK_UNKNOWN',
        'This file comes from a kiosk this hub has not enrolled; nothing was imported.',
      );
    }
    verifyUsbFile(file, found.publicKey, found.keyId);
    const push = file.body;
    if (found.revokedAt) {
      throw new DomainError(
        403,
        'KIOSK_REVOKED',
        `This kiosk was revoked at the hub: ${found.revokedReason ?? ''}`.trim(),
      );
    }
    if (push.origin !== found.origin) {
      throw DomainError.conflict(
        'USB_FILE_OLD',
        'This file was made before the kiosk went on under a new id (a restore); export a new one at the kiosk.',
      );
    }
    // the same checks as the HTTP routes' bodies, though a kiosk signed it
    const rows = plainToInstance(PushRequest, { rows: push.rows });
    const digest = plainToInstance(DigestRequest, { cursor: push.pullCursor, origins: push.origins });
    const invalid = [...validateSync(rows), ...validateSync(digest)];
    if (invalid.length > 0) throw damaged(`${invalid[0]!.property} is malformed`);

    const before = Number(found.acknowledgedSeq);
    const ack = await this.hub.push(found, rows.rows);
    const kiosk = (await this.repository.kiosk(found.kioskId))!;
    const pull = await this.hub.pull(kiosk, push.pullCursor);
    const now = new Date();
    const answer: UsbAnswerBody = {
      format: USB_FORMAT,
      kind: 'answer',
      kioskId: kiosk.kioskId,
      store: kiosk.store,
      createdAt: now.toISOString(),
      answersFileSeq: push.fileSeq,
      ack,
      after: push.pullCursor,
      pull,
      digest: await this.hub.digest(kiosk, digest),
      ...(push.enrol
        ? {
            enrolment: {
              kioskId: kiosk.kioskId,
              store: kiosk.store,
              name: kiosk.name,
              hubKey: this.hub.signingKey().publicKeyPem,
              kioskKeyId: file.keyId,
              proof: enrolmentProof(
                kiosk.codeHash,
                'hub',
                this.hub.signingKey().publicKeyPem,
                file.keyId,
                kiosk.kioskId,
              ),
            },
          }
        : {}),
    };
    const received = Math.max(0, ack.acknowledgedSeq - before);
    await this.writes.run((tx) =>
      this.audit.record(tx, {
        actor,
        action: 'sync.usb.import',
        entity: 'kiosk',
        entityId: kiosk.kioskId,
        after: {
          fileSeq: push.fileSeq,
          received,
          acknowledgedSeq: ack.acknowledgedSeq,
          sent: pull.rows.length,
          ...(push.enrol ? { enrolled: true } : {}),
        },
      }),
    );
    return {
      fileName: usbFileName(kiosk.kioskId, 'answer', now),
      file: writeUsbFile(this.hub.signingKey(), answer),
      kioskId: kiosk.kioskId,
      store: kiosk.store,
      name: kiosk.name,
      fileSeq: push.fileSeq,
      rows: push.rows.length,
      received,
      acknowledgedSeq: ack.acknowledgedSeq,
      sent: pull.rows.length,
      more: pull.more,
      ...(ack.problem ? { problem: ack.problem } : {}),
    };
  }

  /**
   * A kiosk not enrolled yet asks by file: signed with the key it brings, and with a proof that it
   * knows the code of one of the kiosks waiting here. The same file again finds the kiosk bound.
   */
  private async enrolFrom(file: UsbFile<UsbPushBody>): Promise<string> {
    const request = file.body.enrol!;
    const bound = await this.repository.kioskByKey(file.keyId);
    if (bound) return bound.kioskId;
    const fields = plainToInstance(EnrolRequest, { ...request, code: 'USB-ENROLMENT' });
    if (validateSync(fields, { whitelist: true }).length > 0 || typeof request.proof !== 'string') {
      throw damaged('its enrolment is malformed');
    }
    let keyId: string;
    try {
      const publicKey = createPublicKey(request.publicKey);
      keyId = publicKey.asymmetricKeyType === 'ed25519' ? deviceKeyId(publicKey) : '';
    } catch {
      keyId = '';
    }
    if (keyId !== file.keyId) throw damaged('its key does not match');
    verifyUsbFile(file, request.publicKey, file.keyId);
    const waiting = (await this.hub.waitingKiosks()).find((kiosk) =>
      sameProof(enrolmentProof(kiosk.codeHash, 'kiosk', file.keyId, request.origin), request.proof),
    );
    if (!waiting) {
      throw DomainError.conflict(
        'ENROLMENT_CODE_INVALID',
        'No kiosk waiting for enrolment has the code this file was made with; nothing was imported.',
      );
    }
    await this.hub.enrolByHash(file.keyId, waiting.codeHash, {
      origin: request.origin,
      publicKey: request.publicKey,
      cardKey: request.cardKey,
    });
    return waiting.kioskId;
  }
}
