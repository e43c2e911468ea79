import { isStaffCard } from '../state/staff-mode.svelte';

/**
 * What a scanned text is, from its shape, so a screen can say "this is a points card, not a
 * receipt" instead of a failed lookup. Member cards carry `PSK1.<card>.<…>.<signature>`, staff
 * cards `PSKS1.<…>`; receipts
 * print their number `<kiosk>-<6+ digits>` as a QR code; product barcodes are digits (EAN/UPC).
 */
export type ScanKind = 'memberCard' | 'staffCard' | 'receipt' | 'other';

export function scanKind(text: string): ScanKind {
  if (isStaffCard(text)) return 'staffCard';
  if (/^PSK\d+\./.test(text)) return 'memberCard';
  if (/^[A-Za-z0-9]+-\d{6,}$/.test(text)) return 'receipt';
  return 'other';
}

/** The receipt number for what was typed on the pad: digits are this kiosk's receipt with that sequence. */
export function receiptNumber(typed: string, kioskId: string): string {
  return `${kioskId}-${typed.padStart(6, '0')}`;
}
