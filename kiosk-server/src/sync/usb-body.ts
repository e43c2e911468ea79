import { raw } from 'express';
import { DomainError } from '../common/domain-error';

/** USB sync files travel as they are, never parsed on the way: the signature covers their bytes. */
export const USB_FILE_TYPE = 'application/octet-stream';
/** As large as the sync routes take (a file carries a push or pull batch). */
const MAX_USB_FILE = '16mb';

/** The body parser of the file import routes (the global JSON parser leaves this type alone). */
export const usbFileParser = raw({ type: USB_FILE_TYPE, limit: MAX_USB_FILE });

export function fileBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw DomainError.validation(`Send the file unchanged as the request body, typed ${USB_FILE_TYPE}.`);
  }
  return body;
}
