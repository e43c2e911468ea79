import type { PrinterStatus } from './types';

/**
 * Status bytes of Epson ESC/POS printers.
 *
 * DLE EOT 4 (real-time roll paper sensor status) is answered as soon as it arrives, even while the
 * printer is offline for lack of paper; its fixed bits 1 and 4 are set: 0x0c = paper near end,
 * 0x60 = paper end. GS r 1 (paper sensor status) is answered in turn after the data before it; its
 * bit 4 is always 0: 0x03 = paper near end, 0x0c = paper end. The fixed bit tells the two apart.
 */
export const DLE_EOT_PAPER = Buffer.from([0x10, 0x04, 0x04]);
export const GS_R_PAPER = Buffer.from([0x1d, 0x72, 0x01]);

export function paperFromStatusByte(b: number): PrinterStatus['paper'] {
  const isRealTime = (b & 0x12) === 0x12 && (b & 0x81) === 0;
  if (isRealTime) {
    if (b & 0x60) return 'out';
    if (b & 0x0c) return 'low';
    return 'ok';
  }
  if (b & 0x0c) return 'out';
  if (b & 0x03) return 'low';
  return 'ok';
}

/** The answers a printer gives for a given paper state (used by the virtual printer). */
export function statusAnswer(query: 'dle-eot' | 'gs-r', n: number, paper: 'ok' | 'low' | 'out'): number {
  if (query === 'gs-r') {
    if (n !== 1 && n !== 49) return 0x00; // drawer and ink status: nothing to report
    return paper === 'out' ? 0x0f : paper === 'low' ? 0x03 : 0x00;
  }
  const fixed = 0x12;
  switch (n) {
    case 1: // printer status: bit 3 = offline
      return fixed | (paper === 'out' ? 0x08 : 0);
    case 2: // offline cause: bit 5 = printing stopped by paper end
      return fixed | (paper === 'out' ? 0x20 : 0);
    case 4: // roll paper sensor
      return fixed | (paper === 'out' ? 0x6c : paper === 'low' ? 0x0c : 0);
    default: // error status and others: no error
      return fixed;
  }
}
