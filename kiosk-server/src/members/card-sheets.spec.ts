import { describe, expect, it } from 'vitest';
import type { CardFace } from '@kiosk/hardware';
import { CardSheets } from './card-sheets';

interface Pending {
  faces: CardFace[];
  finish: (error?: Error) => void;
}

/** A renderer that finishes only when told, and remembers how many ran at once. */
function controlledRenderer(sheets: CardSheets) {
  const started: Pending[] = [];
  let running = 0;
  let most = 0;
  sheets.render = (faces) => {
    running += 1;
    most = Math.max(most, running);
    return new Promise<Buffer>((resolve, reject) => {
      started.push({
        faces,
        finish: (error) => {
          running -= 1;
          if (error) reject(error);
          else resolve(Buffer.from(`pdf of ${faces.length}`));
        },
      });
    });
  };
  return { started, most: () => most };
}

const face = (cardNo: string): CardFace => ({
  qr: cardNo,
  cardNo,
  memberName: '王小明',
  communityName: '测试社区',
  showName: true,
});

/** Lets every settled promise run its callbacks. */
const settle = () => new Promise<void>((done) => setImmediate(done));

describe('CardSheets', () => {
  it('makes three sheets asked for at once one after another, in the order asked', async () => {
    const sheets = new CardSheets();
    const renderer = controlledRenderer(sheets);
    const answers = [sheets.sheet([face('A')]), sheets.sheet([face('B'), face('C')]), sheets.sheet([face('D')])];
    await settle();
    expect({ depth: sheets.depth, rendering: sheets.rendering, started: renderer.started.length }).toEqual({
      depth: 3,
      rendering: 1,
      started: 1,
    });
    for (let i = 0; i < 3; i++) {
      expect(renderer.started.length).toBe(i + 1);
      renderer.started[i]!.finish();
      await settle();
    }
    expect((await Promise.all(answers)).map(String)).toEqual(['pdf of 1', 'pdf of 2', 'pdf of 1']);
    expect(renderer.started.map((p) => p.faces[0]!.cardNo)).toEqual(['A', 'B', 'D']);
    expect(renderer.most()).toBe(1);
    expect({ depth: sheets.depth, rendering: sheets.rendering }).toEqual({ depth: 0, rendering: 0 });
  });

  it('goes on with the next sheet when one fails', async () => {
    const sheets = new CardSheets();
    const renderer = controlledRenderer(sheets);
    const failing = sheets.sheet([face('A')]);
    const next = sheets.sheet([face('B')]);
    await settle();
    renderer.started[0]!.finish(new Error('no paper in the PDF'));
    await expect(failing).rejects.toThrow('no paper in the PDF');
    await settle();
    renderer.started[1]!.finish();
    expect(String(await next)).toBe('pdf of 1');
    expect(renderer.most()).toBe(1);
    expect(sheets.depth).toBe(0);
  });
});
