import { DevicePrinter } from './device';
import { FilePrinter } from './file';
import { SystemPrinter } from './system';
import { TcpPrinter } from './tcp';
import type { PrintJob, PrinterConfig, PrinterStatus, ReceiptPrinter } from './types';

/** PRINTER=none: printing is switched off; jobs are accepted and dropped. */
class NoPrinter implements ReceiptPrinter {
  readonly kind = 'none';

  async print(_job: PrintJob): Promise<void> {}

  async status(): Promise<PrinterStatus> {
    return { connected: false, paper: 'unknown', detail: 'printing is switched off (PRINTER=none)' };
  }
}

const TCP_URI = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[^/:\s]+)(?::(\d{1,5}))?\/?$/;

/** Builds the printer named by the PRINTER setting; throws on a value it cannot understand. */
export function createPrinter(cfg: PrinterConfig): ReceiptPrinter {
  const uri = cfg.uri.trim();
  if (uri === '' || uri === 'file') return new FilePrinter(cfg);
  if (uri === 'none') return new NoPrinter();
  const tcp = TCP_URI.exec(uri);
  if (tcp) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (port < 1 || port > 65535) throw new Error(`PRINTER: port out of range in ${uri}`);
    return new TcpPrinter(tcp[1]!.replace(/^\[|\]$/g, ''), port, cfg);
  }
  if (uri.startsWith('/')) return new DevicePrinter(uri, cfg);
  const system = /^printer:([^\s/]+)$/.exec(uri);
  if (system) return new SystemPrinter(system[1]!, cfg);
  throw new Error(
    `PRINTER=${JSON.stringify(cfg.uri)} is not understood; use file, none, tcp://host:9100, a device path such as /dev/usb/lp0, or printer:NAME`,
  );
}
