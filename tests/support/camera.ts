import { spawnSync } from 'node:child_process';

/**
 * A card held up to the camera as a Y4M file, which Chromium's fake camera plays in a loop: eight
 * frames in which the card comes a little closer (560 to 616 px wide in a 640×480 picture). A real
 * camera's frames all differ; a single crisp still is not enough, because ZXing misses about one
 * code in ten in any one such frame (and would miss it forever), while over these eight frames it
 * read all of 60 random card texts.
 */
export function cardVideo(png: string, y4m: string): void {
  const result = spawnSync(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-y',
      '-loop',
      '1',
      '-i',
      png,
      '-frames:v',
      '8',
      '-vf',
      "scale=w='trunc((560+8*n)/2)*2':h=-2:eval=frame,pad=w=640:h=480:x=(ow-iw)/2:y=(oh-ih)/2:color=white:eval=frame,format=yuv420p",
      y4m,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
}
