import { type CardFace, renderCardPng, renderCardSheetPdf } from '@kiosk/hardware';
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
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

export async function writeCardFiles({ dir, faces }: CardFilesJob): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const face of faces) await writeFile(join(dir, `${face.cardNo}.png`), await renderCardPng(face));
  await writeFile(join(dir, 'cards-a4.pdf'), await renderCardSheetPdf(faces));
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
