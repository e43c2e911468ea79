/** Why the camera cannot show a picture, in the words the Start screen uses. */
export type CameraProblem = 'noCamera' | 'denied' | 'unplugged' | 'failed';

/**
 * html5-qrcode rejects with strings such as "Error getting userMedia, error = NotAllowedError: …";
 * getUserMedia itself rejects with a DOMException. Both are classified by the error name inside.
 */
export function classifyCameraError(error: unknown): CameraProblem {
  const text =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? `${(error as { name?: unknown }).name} ${(error as { message?: unknown }).message}`
      : String(error);
  if (/NotAllowed|PermissionDenied|Permission denied|SecurityError|insecure|secure context/i.test(text))
    return 'denied';
  if (/NotFound|DevicesNotFound|Overconstrained|Requested device not found|not supported/i.test(text))
    return 'noCamera';
  return 'failed';
}
