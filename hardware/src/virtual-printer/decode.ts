import iconv from 'iconv-lite';

/**
 * An ESC/POS decoder that reads bytes the way a printer does: every ESC / GS / FS / DLE sequence is
 * skipped by its real length (so binary parameters are never mistaken for text), text is decoded as
 * GB18030 only while Chinese mode (FS &) is on, and cuts, QR codes and raster images are recorded.
 * It models a strict printer: Chinese mode is off at the start and after ESC @, as on international
 * models, so a job that forgets FS & decodes as code page 437 garbage instead of passing silently.
 */

export interface DecodedJob {
  /** lines joined with newlines. */
  text: string;
  /** Printed lines; a QR code shows as `[QR: <data>]`, a raster image as `[image <w>x<h>]`. */
  lines: string[];
  cuts: number;
  /** Data of every QR code stored (GS ( k … 1 P), in order. */
  qrCodes: string[];
  /** Raster images printed (GS v 0; ESC k bands on Star). */
  rasterImages: number;
  /** bold[i]: whether anything on lines[i] was printed bold. */
  bold: boolean[];
  raw: Buffer;
}

export type Dialect = 'epson' | 'star';

/** Richer than DecodedJob, for drawing what the printer printed. */
export type PrintedLine =
  | { kind: 'text'; runs: TextRun[]; align: 0 | 1 | 2 }
  | { kind: 'qr'; data: string; cellSize: number; align: 0 | 1 | 2 }
  | { kind: 'image'; widthBytes: number; height: number; bits: Buffer; align: 0 | 1 | 2 };

export interface TextRun {
  text: string;
  size: number;
  bold: boolean;
}

export interface PrintedJob {
  job: DecodedJob;
  printed: PrintedLine[];
}

export type StatusQuery = { kind: 'dle-eot'; n: number } | { kind: 'gs-r'; n: number };

export type DecoderEvent = { type: 'status'; query: StatusQuery } | { type: 'job'; job: PrintedJob };

/** Decodes one complete byte buffer (all of its cuts counted in one job). */
export function decodeEscPos(bytes: Buffer, dialect: Dialect = 'epson'): DecodedJob {
  const decoder = new EscPosStreamDecoder(dialect, false);
  decoder.push(bytes);
  const job = decoder.end()[0]?.job ?? emptyJob(bytes);
  return { ...job, raw: bytes };
}

function emptyJob(raw: Buffer): DecodedJob {
  return { text: '', lines: [], cuts: 0, qrCodes: [], rasterImages: 0, bold: [], raw };
}

const INCOMPLETE = -1;

/**
 * Incremental decoder for a byte stream that may arrive in arbitrary chunks. With `splitOnCut`,
 * every cut completes a job (as a printer hands the receipt out), which the stream owner collects.
 */
export class EscPosStreamDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private rawParts: Buffer[] = [];
  private chinese = false;
  private bold = false;
  private size = 1;
  private align: 0 | 1 | 2 = 0;
  private runs: TextRun[] = [];
  private printed: PrintedLine[] = [];
  private cuts = 0;
  private qrCodes: string[] = [];
  private storedQr: string | undefined;
  private qrCellSize = 3;
  private rasterImages = 0;
  private inStarImage = false;
  private cutJustHappened = false;

  constructor(
    private readonly dialect: Dialect,
    private readonly splitOnCut: boolean,
  ) {}

  push(chunk: Buffer): DecoderEvent[] {
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    return this.consume(false);
  }

  /** The stream ended: returns the jobs still open, the last one possibly cut short mid-command. */
  end(): PrintedJob[] {
    const jobs = this.consume(true).flatMap((e) => (e.type === 'job' ? [e.job] : []));
    if (this.pending.length > 0) this.rawParts.push(this.pending); // a command cut off by a dropped connection
    this.pending = Buffer.alloc(0);
    const last = this.takeJob();
    return last ? [...jobs, last] : jobs;
  }

  private consume(final: boolean): DecoderEvent[] {
    const events: DecoderEvent[] = [];
    const buf = this.pending;
    let i = 0;
    while (i < buf.length) {
      const len = this.step(buf, i, final, events);
      if (len === INCOMPLETE) break;
      this.rawParts.push(buf.subarray(i, i + len));
      i += len;
      if (this.cutJustHappened) {
        this.cutJustHappened = false;
        if (this.splitOnCut) {
          const job = this.takeJob();
          if (job) events.push({ type: 'job', job });
        }
      }
    }
    this.pending = buf.subarray(i);
    return events;
  }

  /** Handles the item at buf[i]; returns its length in bytes or INCOMPLETE. */
  private step(buf: Buffer, i: number, final: boolean, events: DecoderEvent[]): number {
    const b = buf[i]!;
    if (b >= 0x20 && b !== 0x7f) return this.textRun(buf, i, final);
    switch (b) {
      case 0x0a: // LF
      case 0x0c: // FF: in standard mode a line feed
        if (this.inStarImage) return 1; // Star raster bands are separated by LF
        this.endLine(true);
        return 1;
      case 0x09: // HT: next tab stop, every 8 columns by default
        this.addText(' '.repeat(8 - (this.lineWidth() % 8)));
        return 1;
      case 0x10:
        return this.dle(buf, i, events);
      case 0x1b:
        return this.dialect === 'star' ? this.starEsc(buf, i) : this.esc(buf, i);
      case 0x1d:
        return this.gs(buf, i, events);
      case 0x1c:
        return this.fs(buf, i);
      default:
        return 1; // CR, CAN, NUL and other single control bytes change nothing visible
    }
  }

  // ---- text ------------------------------------------------------------------------------------

  private textRun(buf: Buffer, i: number, final: boolean): number {
    let end = i;
    while (end < buf.length && buf[end]! >= 0x20 && buf[end] !== 0x7f) end++;
    // A run touching the end of the data may continue (or end mid-character) in the next chunk.
    if (end === buf.length && !final) return INCOMPLETE;
    const bytes = buf.subarray(i, end);
    this.addText(iconv.decode(bytes, this.chinese ? 'gb18030' : 'cp437'));
    this.inStarImage = false;
    return end - i;
  }

  private addText(text: string): void {
    const last = this.runs[this.runs.length - 1];
    if (last && last.size === this.size && last.bold === this.bold) last.text += text;
    else this.runs.push({ text, size: this.size, bold: this.bold });
  }

  private lineWidth(): number {
    return this.runs.reduce((n, r) => n + r.text.length, 0);
  }

  /** Prints the line buffer. A line feed prints even an empty line; other commands only a non-empty one. */
  private endLine(lineFeed: boolean): void {
    if (this.runs.length === 0 && !lineFeed) return;
    this.printed.push({ kind: 'text', runs: this.runs, align: this.align });
    this.runs = [];
  }

  private cut(): void {
    this.endLine(false);
    this.cuts++;
    this.cutJustHappened = true;
  }

  private reset(): void {
    this.chinese = false;
    this.bold = false;
    this.size = 1;
    this.align = 0;
    this.qrCellSize = 3;
  }

  // ---- command families ------------------------------------------------------------------------

  private dle(buf: Buffer, i: number, events: DecoderEvent[]): number {
    if (i + 1 >= buf.length) return INCOMPLETE;
    const c = buf[i + 1]!;
    if (c === 0x04 || c === 0x05) {
      if (i + 2 >= buf.length) return INCOMPLETE;
      if (c === 0x04) events.push({ type: 'status', query: { kind: 'dle-eot', n: buf[i + 2]! } });
      return 3;
    }
    if (c === 0x14) {
      if (i + 2 >= buf.length) return INCOMPLETE;
      return buf[i + 2] === 0x08 ? 10 : 5; // DLE DC4 fn …
    }
    return 1;
  }

  private esc(buf: Buffer, i: number): number {
    if (i + 1 >= buf.length) return INCOMPLETE;
    const c = buf[i + 1]!;
    const arg = (k: number) => buf[i + 2 + k];
    const fixed = ESC_LENGTHS[c];
    if (fixed !== undefined) {
      if (i + fixed > buf.length) return INCOMPLETE;
      this.escEffect(c, arg(0) ?? 0);
      return fixed;
    }
    switch (c) {
      case 0x2a: {
        // ESC * m nL nH d… : bit image, 1 or 3 bytes per column
        if (i + 5 > buf.length) return INCOMPLETE;
        const columns = arg(1)! + 256 * arg(2)!;
        return withData(buf, i, 5 + columns * (arg(0)! <= 1 ? 1 : 3));
      }
      case 0x44: // ESC D n… NUL: tab positions
        return untilByte(buf, i + 2, 0x00, i);
      case 0x26: // ESC & y c1 c2 [x d…]…: user-defined characters
        return userDefinedChars(buf, i);
      case 0x28: // ESC ( fn pL pH …
        return parenCommand(buf, i);
      default:
        return 2;
    }
  }

  private escEffect(c: number, n: number): void {
    switch (c) {
      case 0x40: // ESC @
        this.reset();
        break;
      case 0x21: // ESC ! n: print mode
        this.bold = (n & 0x08) !== 0;
        this.size = n & 0x30 ? 2 : 1;
        break;
      case 0x45: // ESC E n
      case 0x47: // ESC G n (double strike)
        this.bold = (n & 1) === 1;
        break;
      case 0x61: // ESC a n
        this.align = (n % 48 <= 2 ? n % 48 : 0) as 0 | 1 | 2;
        break;
      case 0x64: // ESC d n: print and feed
      case 0x4a: // ESC J n
        this.endLine(false);
        break;
      case 0x69: // ESC i / ESC m: obsolete cut commands
      case 0x6d:
        this.cut();
        break;
    }
  }

  private starEsc(buf: Buffer, i: number): number {
    if (i + 1 >= buf.length) return INCOMPLETE;
    const c = buf[i + 1]!;
    const need = (n: number) => (i + n > buf.length ? INCOMPLETE : n);
    switch (c) {
      case 0x40: // ESC @
        this.reset();
        return 2;
      case 0x45: // ESC E: bold on (no parameter in Star line mode)
        this.bold = true;
        return 2;
      case 0x46: // ESC F: bold off
        this.bold = false;
        return 2;
      case 0x64: {
        // ESC d n: cut
        const len = need(3);
        if (len !== INCOMPLETE) this.cut();
        return len;
      }
      case 0x61: {
        // ESC a n: feed n lines
        const len = need(3);
        if (len !== INCOMPLETE) this.endLine(false);
        return len;
      }
      case 0x69: {
        // ESC i n1 n2: character expansion
        const len = need(4);
        if (len !== INCOMPLETE) this.size = Math.max(buf[i + 2]!, buf[i + 3]!) + 1;
        return len;
      }
      case 0x6b: {
        // ESC k n1 n2 d…: one 24-dot raster band (as node-thermal-printer sends it)
        if (i + 4 > buf.length) return INCOMPLETE;
        const len = withData(buf, i, 4 + (buf[i + 2]! + 256 * buf[i + 3]!) * 24);
        if (len !== INCOMPLETE && !this.inStarImage) {
          this.endLine(false);
          this.rasterImages++;
          this.printed.push({
            kind: 'image',
            widthBytes: buf[i + 2]!,
            height: 0,
            bits: Buffer.alloc(0),
            align: this.align,
          });
          this.inStarImage = true;
        }
        return len;
      }
      case 0x62: // ESC b … RS: barcode
        return untilByte(buf, i + 2, 0x1e, i);
      case 0x1d:
        return this.starEscGs(buf, i);
      case 0x1e: // ESC RS x n
      case 0x07: // ESC BEL n1 n2
        return need(4);
      case 0x30: // ESC 0
      case 0x34: // ESC 4
      case 0x35: // ESC 5
        return 2;
      case 0x7a: // ESC z n
        this.inStarImage = false;
        return need(3);
      default:
        return need(3);
    }
  }

  private starEscGs(buf: Buffer, i: number): number {
    if (i + 2 >= buf.length) return INCOMPLETE;
    const c = buf[i + 2]!;
    const need = (n: number) => (i + n > buf.length ? INCOMPLETE : n);
    if (c === 0x61) {
      // ESC GS a n: alignment
      const len = need(4);
      if (len !== INCOMPLETE) this.align = (buf[i + 3]! <= 2 ? buf[i + 3] : 0) as 0 | 1 | 2;
      return len;
    }
    if (c === 0x79 || c === 0x78) {
      // ESC GS y … (QR) / ESC GS x … (PDF417)
      if (i + 3 >= buf.length) return INCOMPLETE;
      const sub = buf[i + 3]!;
      if (sub === 0x53) {
        if (c === 0x79 && buf[i + 4] === 0x32 && i + 5 < buf.length) this.qrCellSize = buf[i + 5]!;
        return need(6);
      }
      if (sub === 0x50) {
        if (c === 0x79) this.printQr();
        return 4;
      }
      if (sub === 0x44) {
        // ESC GS y D 1 0 nL nH d…
        if (i + 8 > buf.length) return INCOMPLETE;
        const n = buf[i + 6]! + 256 * buf[i + 7]!;
        const len = withData(buf, i, 8 + n);
        if (len !== INCOMPLETE && c === 0x79) this.storeQr(buf.subarray(i + 8, i + 8 + n));
        return len;
      }
      return need(4);
    }
    return need(4);
  }

  private gs(buf: Buffer, i: number, events: DecoderEvent[]): number {
    if (i + 1 >= buf.length) return INCOMPLETE;
    const c = buf[i + 1]!;
    const fixed = GS_LENGTHS[c];
    if (fixed !== undefined) {
      if (i + fixed > buf.length) return INCOMPLETE;
      const n = buf[i + 2] ?? 0;
      if (c === 0x21) this.size = Math.max((n >> 4) + 1, (n & 0x0f) + 1);
      if (c === 0x72) events.push({ type: 'status', query: { kind: 'gs-r', n } });
      return fixed;
    }
    switch (c) {
      case 0x56: {
        // GS V m [n]: cut (function B with a feed amount has one more byte)
        if (i + 3 > buf.length) return INCOMPLETE;
        const m = buf[i + 2]!;
        const len = m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104 ? 4 : 3;
        if (i + len > buf.length) return INCOMPLETE;
        this.cut();
        return len;
      }
      case 0x28:
        return this.gsParen(buf, i);
      case 0x76: {
        // GS v 0 m xL xH yL yH d…: raster image
        if (i + 8 > buf.length) return INCOMPLETE;
        const widthBytes = buf[i + 4]! + 256 * buf[i + 5]!;
        const height = buf[i + 6]! + 256 * buf[i + 7]!;
        const len = withData(buf, i, 8 + widthBytes * height);
        if (len !== INCOMPLETE) {
          this.endLine(false);
          this.rasterImages++;
          const bits = Buffer.from(buf.subarray(i + 8, i + len));
          this.printed.push({ kind: 'image', widthBytes, height, bits, align: this.align });
        }
        return len;
      }
      case 0x6b: {
        // GS k m …: barcode, NUL-terminated (m ≤ 6) or with a length byte
        if (i + 3 > buf.length) return INCOMPLETE;
        const m = buf[i + 2]!;
        if (m <= 6) return untilByte(buf, i + 3, 0x00, i);
        if (i + 4 > buf.length) return INCOMPLETE;
        return withData(buf, i, 4 + buf[i + 3]!);
      }
      case 0x2a: {
        // GS * x y d…: downloaded bit image
        if (i + 4 > buf.length) return INCOMPLETE;
        return withData(buf, i, 4 + buf[i + 2]! * buf[i + 3]! * 8);
      }
      case 0x38: {
        // GS 8 L p1 p2 p3 p4 …: graphics with a 32-bit length
        if (i + 7 > buf.length) return INCOMPLETE;
        return withData(buf, i, 7 + buf.readUInt32LE(i + 3));
      }
      default:
        return 2;
    }
  }

  /** GS ( x pL pH …; QR store (k, 1 P) and print (k, 1 Q) are recorded. */
  private gsParen(buf: Buffer, i: number): number {
    const len = parenCommand(buf, i);
    if (len === INCOMPLETE) return len;
    if (buf[i + 2] === 0x6b && buf[i + 5] === 0x31) {
      if (buf[i + 6] === 0x43) this.qrCellSize = buf[i + 7] ?? this.qrCellSize;
      if (buf[i + 6] === 0x50) this.storeQr(buf.subarray(i + 8, i + len));
      if (buf[i + 6] === 0x51) this.printQr();
    }
    return len;
  }

  private storeQr(data: Buffer): void {
    this.storedQr = data.toString('utf8');
    this.qrCodes.push(this.storedQr);
  }

  private printQr(): void {
    if (this.storedQr === undefined) return;
    this.endLine(false);
    this.printed.push({ kind: 'qr', data: this.storedQr, cellSize: this.qrCellSize, align: this.align });
  }

  private fs(buf: Buffer, i: number): number {
    if (i + 1 >= buf.length) return INCOMPLETE;
    const c = buf[i + 1]!;
    const fixed = FS_LENGTHS[c];
    if (fixed !== undefined) {
      if (i + fixed > buf.length) return INCOMPLETE;
      if (c === 0x26) this.chinese = true; // FS &
      if (c === 0x2e) this.chinese = false; // FS .
      if (c === 0x21) this.size = buf[i + 2]! & 0x0c ? 2 : this.size; // FS ! n: Kanji print mode
      return fixed;
    }
    if (c === 0x28) return parenCommand(buf, i);
    return 2;
  }

  // ---- jobs ------------------------------------------------------------------------------------

  /** Completes the current job; undefined (and the bytes discarded) when it printed nothing. */
  private takeJob(): PrintedJob | undefined {
    this.endLine(false);
    const raw = Buffer.concat(this.rawParts);
    const printed = trimTrailingBlankLines(this.printed);
    const job: DecodedJob = {
      ...emptyJob(raw),
      cuts: this.cuts,
      qrCodes: this.qrCodes,
      rasterImages: this.rasterImages,
    };
    const somethingPrinted = printed.length > 0 || job.cuts > 0 || job.qrCodes.length > 0;
    this.rawParts = [];
    this.printed = [];
    this.cuts = 0;
    this.qrCodes = [];
    this.rasterImages = 0;
    if (!somethingPrinted) return undefined;
    job.lines = printed.map(lineLabel);
    job.bold = printed.map((l) => l.kind === 'text' && l.runs.some((r) => r.bold && r.text.trim() !== ''));
    job.text = job.lines.join('\n');
    return { job, printed };
  }
}

function lineLabel(line: PrintedLine): string {
  if (line.kind === 'qr') return `[QR: ${line.data}]`;
  if (line.kind === 'image') return `[image ${line.widthBytes * 8}x${line.height}]`;
  return line.runs
    .map((r) => r.text)
    .join('')
    .trimEnd();
}

function trimTrailingBlankLines(lines: PrintedLine[]): PrintedLine[] {
  let end = lines.length;
  while (end > 0 && lineLabel(lines[end - 1]!) === '') end--;
  return lines.slice(0, end);
}

/** Lengths of ESC commands with fixed parameters (Epson ESC/POS), including ESC and the command byte. */
const ESC_LENGTHS: Record<number, number> = {
  0x40: 2,
  0x32: 2,
  0x3c: 2,
  0x69: 2,
  0x6d: 2,
  0x4c: 2,
  0x53: 2,
  0x76: 2,
  0x20: 3,
  0x21: 3,
  0x25: 3,
  0x2d: 3,
  0x33: 3,
  0x3d: 3,
  0x3f: 3,
  0x45: 3,
  0x47: 3,
  0x4a: 3,
  0x4b: 3,
  0x4d: 3,
  0x52: 3,
  0x54: 3,
  0x55: 3,
  0x56: 3,
  0x61: 3,
  0x64: 3,
  0x65: 3,
  0x72: 3,
  0x74: 3,
  0x75: 3,
  0x7b: 3,
  0x24: 4,
  0x5c: 4,
  0x63: 4,
  0x70: 5,
  0x57: 10,
};

/** Fixed-length GS commands, including GS and the command byte. */
const GS_LENGTHS: Record<number, number> = {
  0x3a: 2,
  0x3c: 2,
  0x21: 3,
  0x2f: 3,
  0x42: 3,
  0x45: 3,
  0x48: 3,
  0x49: 3,
  0x54: 3,
  0x61: 3,
  0x62: 3,
  0x66: 3,
  0x68: 3,
  0x6a: 3,
  0x72: 3,
  0x77: 3,
  0x7c: 3,
  0x24: 4,
  0x5c: 4,
  0x4c: 4,
  0x50: 4,
  0x57: 4,
  0x5e: 5,
};

/** Fixed-length FS commands (Chinese/Kanji control), including FS and the command byte. */
const FS_LENGTHS: Record<number, number> = {
  0x26: 2,
  0x2e: 2,
  0x21: 3,
  0x2d: 3,
  0x57: 3,
  0x43: 3,
  0x53: 4,
  0x3f: 4,
  0x70: 4,
  0x32: 76,
};

function withData(buf: Buffer, i: number, len: number): number {
  return i + len > buf.length ? INCOMPLETE : len;
}

/** ESC/GS/FS ( fn pL pH followed by pL + 256·pH parameter bytes. */
function parenCommand(buf: Buffer, i: number): number {
  if (i + 5 > buf.length) return INCOMPLETE;
  return withData(buf, i, 5 + buf[i + 3]! + 256 * buf[i + 4]!);
}

function untilByte(buf: Buffer, from: number, terminator: number, start: number): number {
  const at = buf.indexOf(terminator, from);
  return at === -1 ? INCOMPLETE : at + 1 - start;
}

function userDefinedChars(buf: Buffer, i: number): number {
  if (i + 5 > buf.length) return INCOMPLETE;
  const y = buf[i + 2]!;
  const count = buf[i + 4]! - buf[i + 3]! + 1;
  let at = i + 5;
  for (let k = 0; k < count; k++) {
    if (at >= buf.length) return INCOMPLETE;
    at += 1 + y * buf[at]!;
  }
  return at > buf.length ? INCOMPLETE : at - i;
}
