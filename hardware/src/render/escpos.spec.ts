import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildRedemptionReceipt, buildTestPage } from '../receipt/builders';
import type { ReceiptDocument } from '../receipt/document';
import { SAMPLE } from '../test-support/sample-receipt';
import { decodeEscPos } from '../virtual-printer/decode';
import { renderEscPos } from './escpos';
import { renderText } from './text';

const FS_AMP = Buffer.from([0x1c, 0x26]);
const gb = (text: string) => iconv.encode(text, 'gb18030');
const trimmed = (text: string) => text.split('\n').map((l) => l.trim());

describe('ESC/POS rendering (GB18030 mode)', () => {
  const doc = buildRedemptionReceipt({ ...SAMPLE, copy: true }, 32);
  const bytes = renderEscPos(doc, { columns: 32, type: 'epson', cjk: 'gb18030' });

  it('starts with init, ESC R China and FS & before any text', () => {
    expect(bytes.subarray(0, 7)).toEqual(Buffer.from([0x1b, 0x40, 0x1b, 0x52, 0x0f, 0x1c, 0x26]));
  });

  it('carries the Chinese text as GB18030 bytes, never as UTF-8', () => {
    expect(bytes.includes(gb('小票号'))).toBe(true);
    expect(bytes.includes(gb('兑换后余额'))).toBe(true);
    expect(bytes.includes(Buffer.from('小票号', 'utf8'))).toBe(false);
  });

  it('decodes back to exactly the text rendering, with bold lines, the QR data and one cut', () => {
    const job = decodeEscPos(bytes);
    expect(trimmed(job.text)).toEqual(trimmed(renderText(doc, 32).trimEnd()));
    expect(job.cuts).toBe(1);
    expect(job.qrCodes).toEqual([SAMPLE.receiptNo]);
    expect(job.rasterImages).toBe(0);
    expect(job.lines.filter((_, i) => job.bold[i]).map((l) => l.trim())).toEqual([
      '幸福里社区',
      '积分超市',
      '** 补打 COPY **',
      '商品           数量x单价    小计',
      '合计                1200402 积分',
      '** 补打 COPY **',
    ]);
  });

  it('ends with feed, cut and init', () => {
    expect(bytes.subarray(-8)).toEqual(Buffer.from([0x1b, 0x64, 0x04, 0x1d, 0x56, 0x00, 0x1b, 0x40]));
  });

  it('would decode as garbage without FS & (the decoder does not guess Chinese)', () => {
    const withoutChineseMode = Buffer.concat([bytes.subarray(0, 5), bytes.subarray(7)]);
    expect(decodeEscPos(withoutChineseMode).text).not.toContain('小票号');
  });

  it('prints double-size text with the size command and returns to normal size', () => {
    const big = renderEscPos(
      { blocks: [{ type: 'text', text: '大字', size: 2, align: 'center' }] },
      { columns: 32, type: 'epson', cjk: 'gb18030' },
    );
    const at = big.indexOf(gb('大字'));
    // 12 spaces at normal size, ESC ! 0x30 (double width and height), the text, ESC ! 0.
    expect(big.subarray(at - 15, at)).toEqual(
      Buffer.concat([Buffer.from(' '.repeat(12)), Buffer.from([0x1b, 0x21, 0x30])]),
    );
    expect(big.subarray(at + 4, at + 7)).toEqual(Buffer.from([0x1b, 0x21, 0x00]));
  });

  it('maps ¥ to ￥, drops emoji, and sends QR data with its byte length', () => {
    const doc: ReceiptDocument = {
      blocks: [
        { type: 'text', text: '价格 ¥5 👍' },
        { type: 'qr', data: '积分' },
      ],
    };
    const out = renderEscPos(doc, { columns: 48, type: 'epson', cjk: 'gb18030' });
    expect(out.includes(gb('价格 ￥5'))).toBe(true);
    expect(out.includes(Buffer.from([0xa3, 0xa4]))).toBe(true); // ￥ in GB18030
    const job = decodeEscPos(out);
    expect(job.lines[0]).toBe('价格 ￥5');
    // GS ( k pL pH 1 P 0 + 6 UTF-8 bytes: pL = 9
    expect(
      out.includes(Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, 0x09, 0x00, 0x31, 0x50, 0x30]), Buffer.from('积分')])),
    ).toBe(true);
    expect(job.qrCodes).toEqual(['积分']);
  });

  it('builds Star line-mode jobs that decode with the Star command set', () => {
    const star = renderEscPos(buildTestPage('幸福里', 48), { columns: 48, type: 'star', cjk: 'gb18030' });
    expect(star.subarray(0, 4)).toEqual(Buffer.concat([Buffer.from([0x1b, 0x40]), FS_AMP]));
    expect(star.includes(Buffer.from([0x1b, 0x64, 0x02]))).toBe(true); // ESC d 2: Star full cut
    const job = decodeEscPos(star, 'star');
    expect(job.cuts).toBe(1);
    expect(job.qrCodes).toEqual(['PRINTER TEST 打印测试 OK']);
    expect(job.text).toContain('中文：积分超市欢迎您！');
  });
});

describe('ESC/POS rendering (raster mode, printers without a Hanzi font)', () => {
  const doc = buildRedemptionReceipt(SAMPLE, 48);
  const bytes = renderEscPos(doc, { columns: 48, type: 'epson', cjk: 'raster' });
  const job = decodeEscPos(bytes);

  it('sends no Chinese as text: lines with Chinese become GS v 0 images the paper width', () => {
    expect(bytes.includes(gb('小票号'))).toBe(false);
    expect(job.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(job.rasterImages).toBeGreaterThan(3);
    for (const line of job.lines.filter((l) => l.startsWith('[image'))) expect(line).toMatch(/^\[image 576x\d+\]$/);
  });

  it('keeps ASCII lines as text and still has the QR code and the cut', () => {
    expect(job.lines).toContain('-'.repeat(48));
    expect(job.lines.map((l) => l.trim())).toContain(SAMPLE.receiptNo);
    expect(job.qrCodes).toEqual([SAMPLE.receiptNo]);
    expect(job.cuts).toBe(1);
  });

  it('draws the Chinese glyphs: the images carry ink', () => {
    const at = bytes.indexOf(Buffer.from([0x1d, 0x76, 0x30]));
    const widthBytes = bytes[at + 4]! + 256 * bytes[at + 5]!;
    const height = bytes[at + 6]! + 256 * bytes[at + 7]!;
    const data = bytes.subarray(at + 8, at + 8 + widthBytes * height);
    const inked = data.reduce((n, b) => n + popcount(b), 0);
    expect(inked / (widthBytes * 8 * height)).toBeGreaterThan(0.03);
  });
});

function popcount(b: number): number {
  let n = 0;
  for (let v = b; v; v >>= 1) n += v & 1;
  return n;
}
