import { startVirtualPrinter, type VirtualPrinter } from '@kiosk/hardware';
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type Kiosk, startKiosk } from '../support/kiosk';
import { freePort } from '../support/net';

interface Redemption {
  id: string;
  receiptNo: string;
  totalPoints: number;
  balanceBefore: number;
  balanceAfter: number;
  lines: { name: string }[];
  print: { status: string; error?: string | null };
  printJobs?: { attempts: number; status: string }[];
}

interface Health {
  printer: { connected: boolean; paper: string; detail?: string; silent?: boolean };
}

let kiosk: Kiosk | undefined;
let printer: VirtualPrinter | undefined;

afterEach(async () => {
  await kiosk?.stop();
  await printer?.close();
  kiosk = undefined;
  printer = undefined;
});

function printerEnv(port: number): Record<string, string> {
  return {
    PRINTER: `tcp://127.0.0.1:${port}`,
    PRINTER_TIMEOUT_SECONDS: '1',
    PRINT_RETRY_MAX_SECONDS: '1',
  };
}

let keys = 0;

/** Redeems one egg box (a seeded product) with the given card. */
async function redeem(api: Api, qr: string): Promise<Redemption> {
  const products = await api.get<{ id: string; name: string }[]>('/api/catalog');
  const eggs = products.body.find((product) => product.name === '鸡蛋 10 个');
  expect(eggs, products.text).toBeDefined();
  const { api: resident } = await api.resident(qr);
  const response = await resident.post<Redemption>(
    '/api/redemptions',
    { items: [{ productId: eggs!.id, quantity: 1 }] },
    { 'idempotency-key': `print-test-${Date.now()}-${++keys}` },
  );
  expect(response.status).toBe(201);
  return response.body;
}

async function waitForStatus(api: Api, id: string, status: string, timeoutMs = 20_000): Promise<Redemption> {
  const admin = await api.staff('admin');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await admin.get<Redemption>(`/api/redemptions/${id}`);
    if (response.body.print.status === status) return response.body;
    if (Date.now() > deadline) throw new Error(`print status stayed ${response.body.print.status}, wanted ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const affordable = (k: Kiosk) => k.cards().filter((card) => card.balance >= 10);

describe('receipt printing through the print queue', () => {
  it('prints a redemption on the network printer: Chinese names, total, balances, receipt number, cut', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    kiosk = await startKiosk({ env: printerEnv(printer.port) });
    const api = new Api(kiosk.url);
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    const [job] = await printer.waitForJobs(1, 10_000);
    expect(job!.text).toContain('鸡蛋');
    expect(job!.text).toContain(redemption.receiptNo);
    expect(job!.text).toContain(String(redemption.totalPoints));
    expect(job!.text).toContain(String(redemption.balanceBefore));
    expect(job!.text).toContain(String(redemption.balanceAfter));
    expect(job!.qrCodes).toContain(redemption.receiptNo);
    expect(job!.cuts).toBeGreaterThanOrEqual(1);
    await waitForStatus(api, redemption.id, 'printed');
  });

  it('marks a staff reprint as a copy', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    kiosk = await startKiosk({ env: printerEnv(printer.port) });
    const api = new Api(kiosk.url);
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    await printer.waitForJobs(1, 10_000);
    const volunteer = await api.staff('volunteer');
    const reprint = await volunteer.post<{ status: string }>(`/api/redemptions/${redemption.id}/reprint`);
    expect(reprint.status).toBe(202);
    const jobs = await printer.waitForJobs(2, 10_000);
    expect(jobs[0]!.text).not.toContain('补打');
    expect(jobs[1]!.text).toContain('补打');
    expect(jobs[1]!.text).toContain(redemption.receiptNo);
  });

  it('keeps every redemption while the printer is not listening, then prints each receipt once', async () => {
    const port = await freePort();
    kiosk = await startKiosk({ env: printerEnv(port) });
    const api = new Api(kiosk.url);
    const health = await api.get<{ printer: { connected: boolean } }>('/api/health');
    expect(health.body.printer.connected).toBe(false);
    const cards = affordable(kiosk).slice(0, 3);
    const redemptions: Redemption[] = [];
    for (const card of cards) redemptions.push(await redeem(api, card.qr));
    const failed = await waitForStatus(api, redemptions[0]!.id, 'failed');
    expect(failed.print.error).toContain('PRINTER_OFFLINE');

    printer = await startVirtualPrinter({ port });
    for (const redemption of redemptions) await waitForStatus(api, redemption.id, 'printed');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const printed = printer.jobs.filter((job) => job.cuts > 0);
    for (const redemption of redemptions) {
      expect(printed.filter((job) => job.text.includes(redemption.receiptNo))).toHaveLength(1);
    }
  });

  it('prints again in full after the connection is cut in the middle of a job', async () => {
    printer = await startVirtualPrinter({ port: 0, dropAfterBytes: 40 });
    kiosk = await startKiosk({ env: printerEnv(printer.port) });
    const api = new Api(kiosk.url);
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    await waitForStatus(api, redemption.id, 'failed');
    printer.setBehaviour({ dropAfterBytes: undefined });
    await waitForStatus(api, redemption.id, 'printed');
    const complete = printer.jobs.filter((job) => job.cuts > 0 && job.text.includes(redemption.receiptNo));
    expect(complete).toHaveLength(1);
  });

  it('counts a printer slower than the timeout as failed and prints once it is quick again', async () => {
    printer = await startVirtualPrinter({ port: 0, delayMs: 3000 });
    kiosk = await startKiosk({ env: printerEnv(printer.port) });
    const api = new Api(kiosk.url);
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    const failed = await waitForStatus(api, redemption.id, 'failed');
    expect(failed.print.error).toContain('PRINTER_TIMEOUT');
    printer.setBehaviour({ delayMs: 0 });
    await waitForStatus(api, redemption.id, 'printed');
  });

  it('prints receipts still queued when the kiosk was killed, after it restarts', async () => {
    const port = await freePort();
    kiosk = await startKiosk({ env: printerEnv(port) });
    const api = new Api(kiosk.url);
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    await kiosk.kill();
    printer = await startVirtualPrinter({ port });
    kiosk = await startKiosk({ dataDir: kiosk.dataDir, env: printerEnv(port) });
    await waitForStatus(new Api(kiosk.url), redemption.id, 'printed');
    expect(printer.jobs.filter((job) => job.cuts > 0 && job.text.includes(redemption.receiptNo))).toHaveLength(1);
  });

  it('prints on a printer that never answers status (PRINTER_STATUS=auto), learns it is silent and says so', async () => {
    printer = await startVirtualPrinter({ port: 0, silent: true });
    kiosk = await startKiosk({ env: printerEnv(printer.port) });
    const api = new Api(kiosk.url);
    const cards = affordable(kiosk);
    const first = await redeem(api, cards[0]!.qr);
    await waitForStatus(api, first.id, 'printed');
    // learned on the first attempt, which failed before any receipt byte was sent
    const firstDetail = await (await api.staff('admin')).get<Redemption>(`/api/redemptions/${first.id}`);
    expect(firstDetail.body.printJobs![0]!.attempts).toBe(2);

    const second = await redeem(api, cards[1]!.qr);
    await waitForStatus(api, second.id, 'printed');
    const secondDetail = await (await api.staff('admin')).get<Redemption>(`/api/redemptions/${second.id}`);
    expect(secondDetail.body.printJobs![0]!.attempts).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const redemption of [first, second]) {
      const printed = printer.jobs.filter((job) => job.cuts > 0 && job.text.includes(redemption.receiptNo));
      expect(printed).toHaveLength(1);
    }
    // the words are for staff: the public answer leaves the detail out
    const health = await (await api.staff('admin')).get<Health>('/api/health');
    expect(health.body.printer).toMatchObject({ connected: true, silent: true });
    expect(health.body.printer.detail).toContain('does not answer status');
  });

  it('with PRINTER_STATUS=off sends the receipt at once without asking a silent printer', async () => {
    printer = await startVirtualPrinter({ port: 0, silent: true });
    kiosk = await startKiosk({ env: { ...printerEnv(printer.port), PRINTER_STATUS: 'off' } });
    const api = new Api(kiosk.url);
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    await waitForStatus(api, redemption.id, 'printed');
    const detail = await (await api.staff('admin')).get<Redemption>(`/api/redemptions/${redemption.id}`);
    expect(detail.body.printJobs![0]!.attempts).toBe(1);
    await printer.waitForJobs(1, 5000);
    expect(printer.jobs.filter((job) => job.text.includes(redemption.receiptNo))).toHaveLength(1);
    const health = await api.get<Health>('/api/health');
    expect(health.body.printer).toMatchObject({ connected: true, silent: true });
  });

  it('with PRINTER_STATUS=on keeps a silent printer waiting: no receipt is sent unconfirmed', async () => {
    printer = await startVirtualPrinter({ port: 0, silent: true });
    kiosk = await startKiosk({ env: { ...printerEnv(printer.port), PRINTER_STATUS: 'on' } });
    const api = new Api(kiosk.url);
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    const failed = await waitForStatus(api, redemption.id, 'failed');
    expect(failed.print.error).toContain('PRINTER_TIMEOUT');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const later = await (await api.staff('admin')).get<Redemption>(`/api/redemptions/${redemption.id}`);
    expect(later.body.print.status).not.toBe('printed'); // failed, or printing a further attempt
    expect(later.body.printJobs![0]!.attempts).toBeGreaterThan(1);
    expect(printer.jobs).toHaveLength(0);
    const health = await api.get<Health>('/api/health');
    expect(health.body.printer.silent).toBe(false);
  });

  it('keeps confirming a printer that answered once, even when it later answers too slowly', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    kiosk = await startKiosk({ env: printerEnv(printer.port) });
    const api = new Api(kiosk.url);
    expect((await api.get<Health>('/api/health')).body.printer).toMatchObject({ paper: 'ok', silent: false });
    printer.setBehaviour({ delayMs: 3000 });
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    const failed = await waitForStatus(api, redemption.id, 'failed');
    expect(failed.print.error).toContain('PRINTER_TIMEOUT');
    expect(failed.print.error).not.toContain('without confirmation');
    printer.setBehaviour({ delayMs: 0 });
    await waitForStatus(api, redemption.id, 'printed');
    expect((await api.get<Health>('/api/health')).body.printer.silent).toBe(false);
  });

  it('prints a test page for an admin only', async () => {
    printer = await startVirtualPrinter({ port: 0 });
    kiosk = await startKiosk({ env: printerEnv(printer.port) });
    const api = new Api(kiosk.url);
    expect((await (await api.staff('volunteer')).post('/api/printer/test')).status).toBe(403);
    const test = await (await api.staff('admin')).post<{ status: string }>('/api/printer/test');
    expect(test.status).toBe(202);
    const [job] = await printer.waitForJobs(1, 10_000);
    expect(job!.cuts).toBeGreaterThanOrEqual(1);
  });
});

describe('file printer (the demo default)', () => {
  it('writes the exact bytes, a text copy and a picture of each receipt', async () => {
    kiosk = await startKiosk({ env: { PRINTER: 'file' } });
    const api = new Api(kiosk.url);
    const redemption = await redeem(api, affordable(kiosk)[0]!.qr);
    const printed = await waitForStatus(api, redemption.id, 'printed');
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = `${kiosk.dataDir}/receipts`;
    const files = readdirSync(dir);
    expect(files.filter((name) => name.endsWith('.bin'))).toHaveLength(1);
    expect(files.filter((name) => name.endsWith('.png'))).toHaveLength(1);
    const text = readFileSync(`${dir}/${files.find((name) => name.endsWith('.txt'))!}`, 'utf8');
    expect(text).toContain(printed.receiptNo);
    expect(text).toContain('鸡蛋');
  });
});
