// Receipt documents: one printer-independent document, several renderers.
export type { Align, PaperColumns, ReceiptBlock, ReceiptDocument } from './receipt/document';
export { buildRedemptionReceipt, buildTestPage, type RedemptionReceipt } from './receipt/builders';
export { maskName } from './receipt/mask-name';
export { displayWidth } from './receipt/text-width';

// Renderers
export { renderText } from './render/text';
export { renderEscPos, type EscPosOptions } from './render/escpos';
export { renderPng } from './render/png';

// Printer port and its adapters
export {
  PrinterError,
  type PrinterErrorCode,
  type PrinterStatus,
  type PrintJob,
  type ReceiptPrinter,
  type PrinterConfig,
  type PrinterStatusMode,
} from './printer/types';
export { createPrinter } from './printer/create';

// Virtual printer (a test double that behaves like a network ESC/POS printer)
export { decodeEscPos, type DecodedJob } from './virtual-printer/decode';
export { startVirtualPrinter, type VirtualPrinter, type VirtualPrinterOptions } from './virtual-printer/server';

// QR codes (an enrolment code to scan at a kiosk)
export { qrSvgDocument } from './qr';

// Member cards
export { renderCardPng, renderCardSheetPdf, type CardFace } from './card/card';

// The monthly public ranking (积分公示) as an A4 notice
export {
  renderRankingPdf,
  renderRankingPng,
  rankingPagesSvg,
  rankingPageCount,
  rankingTitle,
  ROWS_ON_FULL_PAGE,
  ROWS_ON_LAST_PAGE,
  type RankingBy,
  type RankingNotice,
  type RankingNoticeRow,
} from './ranking/ranking';

// A store's quarterly settlement (季度结算单) as an A4 sheet to sign and file
export { renderSettlementPdf, settlementTitle, type SettlementSheet } from './settlement/settlement';
