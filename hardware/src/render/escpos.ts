import iconv from 'iconv-lite';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PNG } from 'pngjs';
import { paperDots, type PaperColumns, type ReceiptDocument } from '../receipt/document';
import { layoutDocument, type QrLine, type TextLine } from '../receipt/layout';
import { linesToSvg, svgToPixels } from './svg';

export interface EscPosOptions {
  columns: PaperColumns;
  type: 'epson' | 'star';
  /**
   * gb18030: Chinese text is sent as GB18030 codes for the printer's own Hanzi font (Chinese models).
   * raster: lines with non-ASCII text are drawn here and sent as a 1-bit image (models without a Hanzi font).
   */
  cjk: 'gb18030' | 'raster';
}

/** ESC @ — initialise the printer (the same bytes for Epson and Star). */
const ESC_INIT = Buffer.from([0x1b, 0x40]);
/** FS & — select Chinese character mode, so multi-byte codes print as Hanzi. */
const FS_CHINESE_ON = Buffer.from([0x1c, 0x26]);
/** Pixels darker than this become printed dots; a little above mid-grey keeps thin strokes. */
const INK_THRESHOLD = 160;

/** The exact bytes of one print job: init, Chinese mode, the document, feed and cut. */
export function renderEscPos(doc: ReceiptDocument, opts: EscPosOptions): Buffer {
  const printer = startJob(opts);
  let rasterRun: TextLine[] = [];
  const flushRaster = () => {
    if (rasterRun.length > 0) addRaster(printer, rasterRun, opts.columns);
    rasterRun = [];
  };
  for (const line of layoutDocument(doc, opts.columns)) {
    if (line.kind === 'qr') {
      flushRaster();
      addQr(printer, line, opts.type);
    } else if (opts.cjk === 'raster' && !isAscii(line.text)) {
      rasterRun.push(line); // neighbouring Chinese lines go out as one image
    } else {
      flushRaster();
      addText(printer, line);
    }
  }
  flushRaster();
  // One vertical tab (4 lines) brings the last line past the cutter; the library adds ESC @ after the cut.
  printer.cut({ verticalTabAmount: 1 });
  return printer.getBuffer();
}

function startJob(opts: EscPosOptions): ThermalPrinter {
  const printer = new ThermalPrinter({
    type: opts.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: '', // no transport: the buffer is only built here (an empty interface is skipped by the library)
    width: opts.columns,
  });
  printer.add(ESC_INIT); // clears whatever an interrupted earlier job left set
  // Star line mode has no ESC R China entry in the library (it would throw); Epson gets ESC R 15.
  if (opts.type === 'epson') printer.setCharacterSet(CharacterSet.CHINA);
  printer.add(FS_CHINESE_ON);
  printer.alignLeft();
  return printer;
}

function addText(printer: ThermalPrinter, line: TextLine): void {
  if (line.text !== '') {
    // The indent is sent at normal size so double-size text starts at the same dot as in the other renderers.
    if (line.indent > 0) printer.add(Buffer.from(' '.repeat(line.indent), 'ascii'));
    if (line.size === 2) printer.setTextQuadArea();
    // Bold after the size: Epson's size command (ESC !) also clears emphasis.
    if (line.bold) printer.bold(true);
    printer.add(encodeGb18030(line.text));
    if (line.bold) printer.bold(false);
    if (line.size === 2) printer.setTextNormal();
  }
  printer.newLine();
}

/**
 * Pre-encoded GB18030 bytes. The library's own text encoding picks a code page per character and
 * switches the whole rest of the job to another one on the first character outside cp936.
 */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** Draws lines exactly as the PNG renderer does and sends them as a 1-bit raster image (GS v 0 on Epson). */
function addRaster(printer: ThermalPrinter, lines: TextLine[], columns: PaperColumns): void {
  const pixels = svgToPixels(linesToSvg(lines, paperDots(columns), { top: 0, bottom: 0 }));
  const png = toOneBitPng(pixels.width, pixels.height, pixels.rgba);
  const before = printer.getBuffer().length;
  // The library declares this async but appends synchronously; a failure is caught by the length check.
  printer.printImageBuffer(png).catch(() => undefined);
  if (printer.getBuffer().length === before) throw new Error('raster image could not be added to the print job');
}

function toOneBitPng(width: number, height: number, rgba: Buffer): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height * 4; i += 4) {
    const luma = 0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!;
    const v = luma < INK_THRESHOLD ? 0 : 255;
    png.data[i] = v;
    png.data[i + 1] = v;
    png.data[i + 2] = v;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/**
 * QR commands are built here: the library counts UTF-16 units instead of bytes in the Epson length
 * field (wrong for non-ASCII data) and defaults Star printers to the obsolete model 1.
 */
function addQr(printer: ThermalPrinter, line: QrLine, type: 'epson' | 'star'): void {
  const data = Buffer.from(line.data, 'utf8');
  printer.alignCenter();
  printer.add(type === 'epson' ? epsonQr(data, line.cellSize) : starQr(data, line.cellSize));
  printer.alignLeft();
}

/** GS ( k <fn> with its little-endian parameter length. */
function gsParenK(cn: number, fn: number, params: Buffer): Buffer {
  const p = params.length + 2;
  return Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, p & 0xff, p >> 8, cn, fn]), params]);
}

function epsonQr(data: Buffer, cellSize: number): Buffer {
  return Buffer.concat([
    gsParenK(0x31, 0x41, Buffer.from([0x32, 0x00])), // model 2
    gsParenK(0x31, 0x43, Buffer.from([cellSize])), // module size in dots
    gsParenK(0x31, 0x45, Buffer.from([0x31])), // error correction M
    gsParenK(0x31, 0x50, Buffer.concat([Buffer.from([0x30]), data])), // store data
    gsParenK(0x31, 0x51, Buffer.from([0x30])), // print
  ]);
}

function starQr(data: Buffer, cellSize: number): Buffer {
  const esc = (...bytes: number[]) => Buffer.from([0x1b, 0x1d, 0x79, ...bytes]);
  return Buffer.concat([
    esc(0x53, 0x30, 0x02), // model 2
    esc(0x53, 0x31, 0x01), // error correction M
    esc(0x53, 0x32, cellSize), // cell size
    esc(0x44, 0x31, 0x00, data.length & 0xff, data.length >> 8), // store data (auto mode)
    data,
    esc(0x50), // print
  ]);
}
