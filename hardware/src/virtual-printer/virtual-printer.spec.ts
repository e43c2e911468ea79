import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRedemptionReceipt, buildTestPage } from '../receipt/builders';
import { renderEscPos } from '../render/escpos';
import { pngSize } from '../test-support/qr-decode';
import { SAMPLE } from '../test-support/sample-receipt';
import { decodeEscPos } from './decode';
import { startVirtualPrinter, type VirtualPrinter } from './server';

const receipt = renderEscPos(buildRedemptionReceipt(SAMPLE, 32), { columns: 32, type: 'epson', cjk: 'gb18030' });

describe('decodeEscPos', () => {
  it('decodes the same job whether the bytes arrive at once or one by one', async () => {
    const vp = await startVirtualPrinter();
    try {
      const socket = net.connect(vp.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      for (const byte of receipt) {
        socket.write(Buffer.from([byte]));
        await new Promise((resolve) => setImmediate(resolve));
      }
      const [job] = await vp.waitForJobs(1);
      const whole = decodeEscPos(receipt);
      expect(job!.lines).toEqual(whole.lines);
      expect(job!.qrCodes).toEqual(whole.qrCodes);
      socket.destroy();
    } finally {
      await vp.close();
    }
  });

  it('skips command parameters by length: image data full of LF and ESC bytes prints no text', () => {
    const image = Buffer.concat([Buffer.from([0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00]), Buffer.alloc(6, 0x0a)]);
    const qrWithEsc = Buffer.from([0x1d, 0x28, 0x6b, 0x05, 0x00, 0x31, 0x50, 0x30, 0x1b, 0x0a]);
    const job = decodeEscPos(
      Buffer.concat([image, Buffer.from('ok\n'), qrWithEsc, Buffer.from([0x1d, 0x56, 0x42, 0x03])]),
    );
    expect(job.lines).toEqual(['[image 16x3]', 'ok']);
    expect(job.rasterImages).toBe(1);
    expect(job.qrCodes).toEqual(['\u001b\n']);
    expect(job.cuts).toBe(1);
  });

  it('follows Chinese mode and bold: FS & on, FS . off, ESC E and ESC ! emphasis', () => {
    const gb = (t: string) => iconv.encode(t, 'gb18030');
    const bytes = Buffer.concat([
      Buffer.from([0x1c, 0x26, 0x1b, 0x45, 0x01]),
      gb('积分\n'),
      Buffer.from([0x1b, 0x45, 0x00]),
      gb('兑换\n'),
      Buffer.from([0x1c, 0x2e]),
      gb('兑换\n'),
      Buffer.from([0x1b, 0x21, 0x08]),
      Buffer.from('B\n'),
    ]);
    const job = decodeEscPos(bytes);
    expect(job.lines.slice(0, 2)).toEqual(['积分', '兑换']);
    expect(job.lines[2]).not.toBe('兑换'); // without Chinese mode the same bytes are code page 437
    expect(job.bold).toEqual([true, false, false, true]);
  });

  it('does not fail on a job cut off in the middle of a command', () => {
    const job = decodeEscPos(receipt.subarray(0, receipt.indexOf(Buffer.from([0x1d, 0x28, 0x6b])) + 4));
    expect(job.text).toContain('小票号');
    expect(job.cuts).toBe(0);
  });
});

describe('virtual printer', () => {
  let vp: VirtualPrinter | undefined;
  afterEach(async () => {
    await vp?.close();
    vp = undefined;
  });

  it("takes jobs from node-thermal-printer's own network interface: the job ends when it closes the connection", async () => {
    vp = await startVirtualPrinter();
    const printer = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: `tcp://127.0.0.1:${vp.port}`,
      characterSet: CharacterSet.CHINA,
    });
    printer.add(Buffer.from([0x1c, 0x26]));
    printer.add(iconv.encode('积分超市\n', 'gb18030'));
    await printer.execute();
    const [job] = await vp.waitForJobs(1);
    expect(job!.lines).toEqual(['积分超市']);
    expect(job!.cuts).toBe(0);
  });

  it('splits one connection into jobs at each cut', async () => {
    vp = await startVirtualPrinter();
    const socket = net.connect(vp.port, '127.0.0.1');
    const page = renderEscPos(buildTestPage('幸福里', 32), { columns: 32, type: 'epson', cjk: 'gb18030' });
    socket.end(Buffer.concat([receipt, page]));
    const jobs = await vp.waitForJobs(2);
    expect(jobs.map((j) => j.cuts)).toEqual([1, 1]);
    expect(jobs[0]!.qrCodes).toEqual([SAMPLE.receiptNo]);
    expect(jobs[1]!.text).toContain('打印机测试页');
  });

  it('answers GS r 1 and DLE EOT 4 with the paper state', async () => {
    vp = await startVirtualPrinter();
    const ask = async (query: number[]) => {
      const socket = net.connect(vp!.port, '127.0.0.1');
      const answer = new Promise<number>((resolve) => socket.once('data', (d: Buffer) => resolve(d[0]!)));
      socket.write(Buffer.from(query));
      const byte = await answer;
      socket.destroy();
      return byte;
    };
    expect(await ask([0x1d, 0x72, 0x01])).toBe(0x00);
    expect(await ask([0x10, 0x04, 0x04])).toBe(0x12);
    vp.setBehaviour({ paper: 'low' });
    expect(await ask([0x1d, 0x72, 0x01])).toBe(0x03);
    expect(await ask([0x10, 0x04, 0x04])).toBe(0x1e);
    vp.setBehaviour({ paper: 'out' });
    expect((await ask([0x1d, 0x72, 0x01])) & 0x0c).toBe(0x0c);
    expect((await ask([0x10, 0x04, 0x04])) & 0x60).toBe(0x60);
  });

  it('writes a transcript and a picture of every job to outDir', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-vp-'));
    vp = await startVirtualPrinter({ outDir });
    const socket = net.connect(vp.port, '127.0.0.1');
    socket.end(receipt);
    await vp.waitForJobs(1);
    await vp.close();
    vp = undefined;
    const transcript = fs.readFileSync(path.join(outDir, '1.txt'), 'utf8');
    expect(transcript).toMatch(/^=== job 1 · \d+ bytes · 1 cut ===/);
    expect(transcript).toContain('兑换后余额');
    expect(pngSize(fs.readFileSync(path.join(outDir, '1.png'))).width).toBe(384);
  });
});
