#!/usr/bin/env node
import path from 'node:path';
import { startVirtualPrinter } from './server';
import { transcript } from './transcript';

/**
 * Runs the virtual printer on its own, for trying the kiosk without a printer:
 *   node hardware/dist/virtual-printer/cli.js [--port 9100] [--host 127.0.0.1] [--out ./data/virtual-printer] [--silent]
 * (--silent: never answers status queries, like a one-way print server), then start the kiosk with PRINTER=tcp://127.0.0.1:9100.
 */
interface CliOptions {
  port: number;
  host: string;
  out: string;
  silent: boolean;
}

function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { port: 9100, host: '127.0.0.1', out: './data/virtual-printer', silent: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(
        'usage: virtual-printer [--port 9100] [--host 127.0.0.1] [--out ./data/virtual-printer] [--silent]\n',
      );
      process.exit(0);
    }
    if (flag === '--silent') {
      opts.silent = true;
      continue;
    }
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--port') opts.port = Number(value);
    else if (flag === '--host') opts.host = value;
    else if (flag === '--out') opts.out = value;
    else throw new Error(`unknown option ${flag}`);
    i++;
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`bad port ${opts.port}`);
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const outDir = path.resolve(opts.out);
  const printer = await startVirtualPrinter({
    host: opts.host,
    port: opts.port,
    outDir,
    silent: opts.silent,
    onJob: (job, n) => process.stdout.write(`${transcript(job, n)}\n`),
  });
  process.stdout.write(`virtual printer listening on ${opts.host}:${printer.port}, saving jobs to ${outDir}\n`);
  process.stdout.write(`use it with PRINTER=tcp://${opts.host}:${printer.port}\n`);
  const stop = () => {
    void printer.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`virtual printer: ${(err as Error).message}\n`);
  process.exit(1);
});
