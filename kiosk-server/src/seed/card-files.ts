import { type CardFace, renderCardPng, renderCardSheetPdf } from '@kiosk/hardware';
import { fork } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface CardFilesJob {
  dir: string;
  faces: CardFace[];
}

/**
 * Writes a PNG per card and the A4 sheet in a short-lived child process. Rendering Chinese text
 * loads the system's CJK fonts (over 100 MB of native memory that the allocator keeps after
 * use); the long-running kiosk never needs them for this one-off job, so they die with the child.
 */
export function writeCardFilesApart(dir: string, faces: CardFace[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`card pictures were not written (exit ${code ?? signal})`)),
    );
    child.send({ dir, faces } satisfies CardFilesJob);
  });
}

/** A card's picture carries its QR, which signs a resident in like a password: owner-only files. */
export const CARD_DIR_MODE = 0o700;
export const CARD_FILE_MODE = 0o600;

export async function writeCardFiles({ dir, faces }: CardFilesJob): Promise<void> {
  await mkdir(dir, { recursive: true, mode: CARD_DIR_MODE });
  await chmod(dir, CARD_DIR_MODE);
  for (const face of faces) {
    await writePrivateFile(join(dir, `${face.cardNo}.png`), await renderCardPng(face));
  }
  await writePrivateFile(join(dir, 'cards-a4.pdf'), await renderCardSheetPdf(faces));
}

/** Writes a file readable by the kiosk's user only, also when an older, more open one is replaced. */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path, data, { mode: CARD_FILE_MODE });
  await chmod(path, CARD_FILE_MODE);
}

if (require.main === module) {
  process.once('message', (job: CardFilesJob) => {
    writeCardFiles(job).then(
      () => process.disconnect(),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
