import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRedemptionReceipt, buildTestPage } from '../receipt/builders';
import { renderEscPos } from '../render/escpos';
import { renderText } from '../render/text';
import { pngSize } from '../test-support/qr-decode';
import { SAMPLE } from '../test-support/sample-receipt';
import { startVirtualPrinter, type VirtualPrinter } from '../virtual-printer/server';
import { createPrinter } from './create';
import { PrinterError, type PrinterConfig, type PrinterErrorCode } from './types';

const doc = buildRedemptionReceipt(SAMPLE, 32);
const DLE_EOT_4 = Buffer.from([0x10, 0x04, 0x04]);

function config(uri: string, extra: Partial<PrinterConfig> = {}): PrinterConfig {
  return { uri, type: 'epson', columns: 32, cjk: 'gb18030', dataDir: tempDir(), timeoutMs: 1000, ...extra };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-hw-'));
}

/** Resolves to the PrinterError code the promise rejects with (fails if it resolves or throws something else). */
async function errorCode(p: Promise<unknown>): Promise<PrinterErrorCode> {
  const err = await p.then(
    () => expect.unreachable('the print should have failed'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrinterError);
  return (err as PrinterError).code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('network printer (tcp://) against the virtual printer', () => {
  let vp: VirtualPrinter;
  const tcp = (extra: Partial<PrinterConfig> = {}) => createPrinter(config(`tcp://127.0.0.1:${vp.port}`, extra));

  beforeEach(async () => {
    vp = await startVirtualPrinter();
  });
  afterEach(async () => {
    await vp.close();
  });

  it('prints a receipt: the printer received exactly the rendered bytes, decoded as Chinese, cut', async () => {
    await tcp().print({ id: 'r1', doc });
    // Resolved means confirmed: the job is already on paper.
    expect(vp.jobs).toHaveLength(1);
    const [job] = vp.jobs;
    const bytes = renderEscPos(doc, { columns: 32, type: 'epson', cjk: 'gb18030' });
    // The paper check, then the job up to the cut (the library's ESC @ after the cut starts the next job).
    expect(job!.raw).toEqual(Buffer.concat([DLE_EOT_4, bytes.subarray(0, -2)]));
    expect(job!.text).toContain('兑换后余额           799598 积分');
    expect(job!.text).toContain('会员    欧**明');
    expect(job!.qrCodes).toEqual([SAMPLE.receiptNo]);
    expect(job!.cuts).toBe(1);
  });

  it('prints in raster mode for printers without a Chinese font', async () => {
    await tcp({ cjk: 'raster', columns: 48 }).print({ id: 'r2', doc: buildRedemptionReceipt(SAMPLE, 48) });
    expect(vp.jobs[0]!.rasterImages).toBeGreaterThan(0);
    expect(vp.jobs[0]!.cuts).toBe(1);
  });

  it('prints on a Star printer, confirmed when the printer closes the connection', async () => {
    vp.setBehaviour({ dialect: 'star' });
    await tcp({ type: 'star' }).print({ id: 'r3', doc: buildTestPage('幸福里', 32) });
    const [job] = await vp.waitForJobs(1, 2000);
    expect(job!.cuts).toBe(1);
    expect(job!.text).toContain('积分超市欢迎您');
  });

  it('throws PRINTER_OFFLINE when nothing listens on the port', async () => {
    const port = await unusedPort();
    expect(await errorCode(createPrinter(config(`tcp://127.0.0.1:${port}`)).print({ id: 'r4', doc }))).toBe(
      'PRINTER_OFFLINE',
    );
  });

  it('throws PRINTER_FAILED when the printer drops the connection mid-job; only part of the receipt came out, uncut', async () => {
    vp.setBehaviour({ dropAfterBytes: 300 });
    expect(await errorCode(tcp().print({ id: 'r5', doc }))).toBe('PRINTER_FAILED');
    const [partial] = await vp.waitForJobs(1, 2000);
    expect(partial!.cuts).toBe(0);
    expect(partial!.raw.length).toBe(300);
    expect(partial!.text).toContain('小票号');
  });

  it('throws PRINTER_TIMEOUT when the printer is slower than the timeout, and sends it no receipt', async () => {
    vp.setBehaviour({ delayMs: 1200 });
    const started = Date.now();
    expect(await errorCode(tcp({ timeoutMs: 300 }).print({ id: 'r6', doc }))).toBe('PRINTER_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1100);
    await sleep(1500); // the printer wakes up and reads what was sent
    expect(vp.jobs).toHaveLength(0);
  });

  it('throws PRINTER_PAPER_OUT and sends nothing when the printer has no paper', async () => {
    vp.setBehaviour({ paper: 'out' });
    expect(await errorCode(tcp().print({ id: 'r7', doc }))).toBe('PRINTER_PAPER_OUT');
    vp.setBehaviour({ paper: 'ok' });
    await tcp().print({ id: 'r7', doc });
    expect(vp.jobs).toHaveLength(1);
  });

  it('reports the paper state from the status answer, unknown when the printer does not answer', async () => {
    const printer = tcp({ timeoutMs: 300 });
    expect(await printer.status()).toEqual({ connected: true, paper: 'ok', silent: false });
    vp.setBehaviour({ paper: 'low' });
    expect(await printer.status()).toEqual({ connected: true, paper: 'low', silent: false });
    vp.setBehaviour({ paper: 'out' });
    expect(await printer.status()).toEqual({ connected: true, paper: 'out', silent: false });
    vp.setBehaviour({ delayMs: 3000 });
    expect(await printer.status()).toMatchObject({ connected: true, paper: 'unknown' });
  });

  it('PRINTER_STATUS=auto: a printer that never answered fails one attempt before sending, then prints unconfirmed', async () => {
    vp.setBehaviour({ silent: true });
    const printer = tcp({ timeoutMs: 300 });
    await expect(printer.print({ id: 'job-1', doc })).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    expect(vp.jobs).toHaveLength(0); // the failed attempt sent no receipt byte
    await printer.print({ id: 'job-2', doc });
    await vp.waitForJobs(1, 2000);
    expect(await printer.status()).toMatchObject({ connected: true, paper: 'unknown', silent: true });
    // once it answers, it is confirmed again
    vp.setBehaviour({ silent: false });
    expect(await printer.status()).toEqual({ connected: true, paper: 'ok', silent: false });
  });

  it('PRINTER_STATUS=on never sends unconfirmed; off never asks', async () => {
    vp.setBehaviour({ silent: true });
    const on = tcp({ timeoutMs: 300, statusMode: 'on' });
    await expect(on.print({ id: 'job-1', doc })).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    await expect(on.print({ id: 'job-2', doc })).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    expect(vp.jobs).toHaveLength(0);
    const off = tcp({ timeoutMs: 300, statusMode: 'off' });
    await off.print({ id: 'job-3', doc });
    await vp.waitForJobs(1, 2000);
    expect(await off.status()).toMatchObject({ connected: true, silent: true });
  });

  it('reports not connected when nothing listens', async () => {
    const port = await unusedPort();
    expect(await createPrinter(config(`tcp://127.0.0.1:${port}`)).status()).toMatchObject({
      connected: false,
      paper: 'unknown',
    });
  });
});

describe('file printer (the default)', () => {
  it('creates DATA_DIR/receipts and writes the exact bytes, the text and a picture', async () => {
    const dataDir = path.join(tempDir(), 'not-yet-there');
    const printer = createPrinter(config('file', { dataDir }));
    expect(printer.kind).toBe('file');
    await printer.print({ id: 'job-1', doc });
    const dir = path.join(dataDir, 'receipts');
    expect(fs.readdirSync(dir).sort()).toEqual(['job-1.bin', 'job-1.png', 'job-1.txt']);
    expect(fs.readFileSync(path.join(dir, 'job-1.bin'))).toEqual(
      renderEscPos(doc, { columns: 32, type: 'epson', cjk: 'gb18030' }),
    );
    expect(fs.readFileSync(path.join(dir, 'job-1.txt'), 'utf8')).toBe(renderText(doc, 32));
    expect(pngSize(fs.readFileSync(path.join(dir, 'job-1.png'))).width).toBe(384);
    expect(await printer.status()).toMatchObject({ connected: true, paper: 'unknown' });
  });

  it('refuses a job id that is not a plain file name', async () => {
    const dataDir = tempDir();
    expect(await errorCode(createPrinter(config('file', { dataDir })).print({ id: '../escape', doc }))).toBe(
      'PRINTER_FAILED',
    );
    expect(fs.existsSync(path.join(dataDir, 'escape.bin'))).toBe(false);
  });

  it('throws PRINTER_FAILED when the receipts folder cannot be created', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    expect(await errorCode(createPrinter(config('file', { dataDir: file })).print({ id: 'j', doc }))).toBe(
      'PRINTER_FAILED',
    );
  });
});

describe('device printer (/dev/usb/lp0 and the like)', () => {
  it('writes the exact bytes to the device node', async () => {
    const node = path.join(tempDir(), 'lp0');
    fs.writeFileSync(node, '');
    const printer = createPrinter(config(node));
    expect(printer.kind).toBe('device');
    await printer.print({ id: 'd1', doc });
    expect(fs.readFileSync(node)).toEqual(renderEscPos(doc, { columns: 32, type: 'epson', cjk: 'gb18030' }));
    expect(await printer.status()).toMatchObject({ connected: true });
  });

  it('is offline when the device is missing, and does not create a file in its place', async () => {
    const node = path.join(tempDir(), 'lp9');
    const printer = createPrinter(config(node));
    expect(await errorCode(printer.print({ id: 'd2', doc }))).toBe('PRINTER_OFFLINE');
    expect(fs.existsSync(node)).toBe(false);
    expect(await printer.status()).toMatchObject({ connected: false });
  });

  it('times out when the device does not take the data', async () => {
    // A FIFO nobody reads behaves like a printer that blocks.
    const fifo = path.join(tempDir(), 'stuck');
    execFileSync('mkfifo', [fifo]);
    const result = errorCode(createPrinter(config(fifo, { timeoutMs: 200 })).print({ id: 'd3', doc }));
    expect(await result).toBe('PRINTER_TIMEOUT');
    // Release the blocked write so the worker thread is free again.
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    await sleep(50);
    fs.closeSync(reader);
  });
});

describe('system printer (printer:NAME through lp)', () => {
  const originalPath = process.env.PATH;
  let bin: string;
  let out: string;

  beforeEach(() => {
    bin = tempDir();
    out = path.join(bin, 'received.bin');
    // A stand-in for CUPS' lp: stores stdin and the arguments; a queue named "missing" does not exist.
    fs.writeFileSync(
      path.join(bin, 'lp'),
      `#!/bin/sh\nif [ "$2" = missing ]; then echo 'lp: The printer or class does not exist.' >&2; exit 1; fi\necho "$@" > "${out}.args"\ncat > "${out}"\n`,
      { mode: 0o755 },
    );
    process.env.PATH = `${bin}${path.delimiter}${originalPath}`;
  });
  afterEach(() => {
    process.env.PATH = originalPath;
  });

  it('sends the exact bytes raw to the named queue', async () => {
    const printer = createPrinter(config('printer:XP58'));
    expect(printer.kind).toBe('system');
    await printer.print({ id: 's1', doc });
    expect(fs.readFileSync(out)).toEqual(renderEscPos(doc, { columns: 32, type: 'epson', cjk: 'gb18030' }));
    expect(fs.readFileSync(`${out}.args`, 'utf8').trim()).toBe('-d XP58 -o raw -t s1');
  });

  it('is offline when the queue does not exist', async () => {
    expect(await errorCode(createPrinter(config('printer:missing')).print({ id: 's2', doc }))).toBe('PRINTER_OFFLINE');
  });
});

describe('createPrinter', () => {
  it.each([
    ['file', 'file'],
    ['', 'file'],
    ['none', 'none'],
    ['tcp://192.168.1.50:9100', 'tcp'],
    ['tcp://printer.local', 'tcp'],
    ['/dev/usb/lp0', 'device'],
    ['printer:XP-58', 'system'],
  ])('%j → %s', (uri, kind) => {
    expect(createPrinter(config(uri)).kind).toBe(kind);
  });

  it.each(['lpt1', 'tcp://', 'tcp://host:99999', 'http://printer', 'printer:'])('rejects %j', (uri) => {
    expect(() => createPrinter(config(uri))).toThrow(/PRINTER/);
  });

  it('none accepts jobs and reports that printing is off', async () => {
    const printer = createPrinter(config('none'));
    await expect(printer.print({ id: 'n', doc })).resolves.toBeUndefined();
    expect(await printer.status()).toMatchObject({ connected: false });
  });
});
