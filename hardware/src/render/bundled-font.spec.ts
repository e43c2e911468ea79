import { Resvg } from '@resvg/resvg-js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCardPng, type CardFace } from '../card/card';
import { A4_PT, renderRankingPdf, type RankingNotice } from '../ranking/ranking';
import { buildRedemptionReceipt, type RedemptionReceipt } from '../receipt/builders';
import { SAMPLE } from '../test-support/sample-receipt';
import { EscPosStreamDecoder } from '../virtual-printer/decode';
import { renderEscPos } from './escpos';
import { renderPng } from './png';

/**
 * A fresh Debian machine has no CJK font, and pictures drawn from the system's fonts came out blank.
 * Here the system's fonts are hidden (an empty fontconfig file: resvg's font loader reads
 * FONTCONFIG_FILE, like every fontconfig program) before anything is drawn in this test file's
 * process, and every kind of picture must still show its Chinese text: ink where the text goes,
 * and different ink for different characters (boxes or blanks would be alike).
 */
let dir: string;
const previousConfig = process.env.FONTCONFIG_FILE;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-nofonts-'));
  const config = join(dir, 'fonts.conf');
  writeFileSync(config, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n');
  process.env.FONTCONFIG_FILE = config;
});

afterAll(() => {
  if (previousConfig === undefined) delete process.env.FONTCONFIG_FILE;
  else process.env.FONTCONFIG_FILE = previousConfig;
  rmSync(dir, { recursive: true, force: true });
});

/** Dark pixels (luma below 128) in a rectangle of a PNG. */
function inkIn(png: Buffer, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const image = PNG.sync.read(png);
  let ink = 0;
  for (let y = box.y0; y < Math.min(box.y1, image.height); y++) {
    for (let x = box.x0; x < Math.min(box.x1, image.width); x++) {
      const i = (y * image.width + x) * 4;
      const luma = 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
      if (luma < 128) ink++;
    }
  }
  return ink;
}

function crop(png: Buffer, box: { x0: number; y0: number; x1: number; y1: number }): Buffer {
  const image = PNG.sync.read(png);
  const rows: Buffer[] = [];
  for (let y = box.y0; y < box.y1; y++)
    rows.push(image.data.subarray((y * image.width + box.x0) * 4, (y * image.width + box.x1) * 4));
  return Buffer.concat(rows);
}

describe('pictures with the system fonts hidden', () => {
  it('hides the system fonts (so what follows proves the bundled font draws)', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text font-family="Noto Sans CJK SC, sans-serif" font-size="24">王</text></svg>';
    const flattened = new Resvg(svg, { font: { loadSystemFonts: true } }).toString();
    expect(flattened).not.toContain('<path');
  });

  it('draws the Chinese text of a member card', async () => {
    const card: CardFace = {
      qr: 'PSK1.C000123.x',
      cardNo: 'C000123',
      memberName: '王小明',
      communityName: '幸福里社区',
      showName: true,
    };
    // The name sits right of the QR box, on the baseline at y = 456 in 64 px type.
    const nameBox = { x0: 516, y0: 390, x1: 970, y1: 475 };
    const labelBox = { x0: 516, y0: 350, x1: 700, y1: 395 }; // 姓名
    const one = await renderCardPng(card);
    const other = await renderCardPng({ ...card, memberName: '李大伟' });
    expect(inkIn(one, nameBox)).toBeGreaterThan(2000);
    expect(inkIn(one, labelBox)).toBeGreaterThan(300);
    expect(crop(one, nameBox).equals(crop(other, nameBox))).toBe(false);
  });

  it('draws the Chinese text of a receipt picture', async () => {
    const storeBox = { x0: 0, y0: 16, x1: 384, y1: 144 }; // the store name, double size, two lines
    const one = await renderPng(buildRedemptionReceipt(SAMPLE, 32), 32);
    const other = await renderPng(buildRedemptionReceipt({ ...SAMPLE, storeName: '和平路邻里积分商店' }, 32), 32);
    expect(inkIn(one, storeBox)).toBeGreaterThan(3000);
    expect(crop(one, storeBox).equals(crop(other, storeBox))).toBe(false);
  });

  it('prints the Chinese lines of a receipt as raster images (PRINTER_CJK=raster)', () => {
    const images = (receipt: RedemptionReceipt) => {
      const decoder = new EscPosStreamDecoder('epson', false);
      decoder.push(renderEscPos(buildRedemptionReceipt(receipt, 32), { columns: 32, type: 'epson', cjk: 'raster' }));
      return decoder.end().flatMap((job) => job.printed.flatMap((line) => (line.kind === 'image' ? [line.bits] : [])));
    };
    const one = images(SAMPLE);
    const other = images({ ...SAMPLE, storeName: '和平路邻里积分商店' });
    expect(one.length).toBeGreaterThan(3);
    // The first image is the store name: printed dots, one bit each.
    const dots = [...one[0]!].reduce((sum, byte) => sum + byte.toString(2).replaceAll('0', '').length, 0);
    expect(dots).toBeGreaterThan(3000);
    expect(one[0]!.equals(other[0]!)).toBe(false);
  });

  it('draws the Chinese text of the ranking PDF', async () => {
    const notice: RankingNotice = {
      storeName: '幸福里社区积分超市',
      year: 2026,
      month: 11,
      by: 'member',
      rows: [{ rank: 1, displayName: '王*明', points: 120 }],
      printedAt: new Date(2026, 10, 28),
    };
    const pageAt72dpi = (pdf: Buffer, name: string): Buffer => {
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, pdf);
      execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-singlefile', '-png', file, join(dir, name)]);
      return readFileSync(join(dir, `${name}.png`));
    };
    // The title, centred on the baseline at 92 pt in up to 24 pt type.
    const titleBox = { x0: 56, y0: 64, x1: Math.floor(A4_PT.width) - 56, y1: 100 };
    const one = pageAt72dpi(await renderRankingPdf(notice), 'one');
    const other = pageAt72dpi(await renderRankingPdf({ ...notice, storeName: '和平路邻里积分商店' }), 'other');
    expect(inkIn(one, titleBox)).toBeGreaterThan(1000);
    expect(crop(one, titleBox).equals(crop(other, titleBox))).toBe(false);
  });

  it('carries the ranking text in the PDF in the bundled font, so it can be searched and copied', async () => {
    const file = join(dir, 'searchable.pdf');
    writeFileSync(
      file,
      await renderRankingPdf({
        storeName: '幸福里社区积分超市',
        year: 2026,
        month: 11,
        by: 'household',
        rows: [{ rank: 1, displayName: '王*明家', points: 120 }],
        printedAt: new Date(2026, 10, 28),
      }),
    );
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('幸福里社区积分超市 2026年11月 积分公示');
    expect(text).toMatch(/1\s+王\*明家\s+120/);
    expect(text).toContain('监督小组签字');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });
});
