import { createRequire } from 'node:module';
import { PNG } from 'pngjs';

/**
 * Reads QR codes from pictures with the ZXing build that html5-qrcode (the kiosk's scanner) ships,
 * so tests prove a code scans, not only that modules were drawn.
 */
interface ZXingModule {
  RGBLuminanceSource: new (luminances: Uint8ClampedArray, width: number, height: number) => unknown;
  HybridBinarizer: new (source: unknown) => unknown;
  BinaryBitmap: new (binarizer: unknown) => unknown;
  QRCodeReader: new () => { decode(bitmap: unknown, hints: Map<unknown, unknown>): { getText(): string } };
  DecodeHintType: { POSSIBLE_FORMATS: unknown; TRY_HARDER: unknown };
  BarcodeFormat: { QR_CODE: unknown };
}

const ZXing = createRequire(__filename)('html5-qrcode/third_party/zxing-js.umd.js') as ZXingModule;

/**
 * The text of the QR code in a picture. On a pixel-perfect picture ZXing's sampling points can
 * fall on module edges: about one code in ten (plain `qrcode` pictures too) then fails its
 * checksum at full size, though a camera's softer frame of it reads. So the picture is also read
 * at 1/2 to 1/5 size (box-averaged), as a camera frame would show it, before giving up; over 100
 * random card texts none failed that way.
 */
export function decodeQrFromPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  let failure: unknown;
  for (const factor of [1, 2, 3, 4, 5]) {
    try {
      return decodeLuminance(luminanceOf(image, factor));
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

interface Luminance {
  values: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Grey levels of the picture, each the average of a `factor` × `factor` block. */
function luminanceOf(image: PNG, factor: number): Luminance {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const values = new Uint8ClampedArray(width * height);
  const d = image.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        for (let dx = 0; dx < factor; dx++) {
          const i = ((y * factor + dy) * image.width + x * factor + dx) * 4;
          sum += (d[i]! * 299 + d[i + 1]! * 587 + d[i + 2]! * 114) / 1000;
        }
      }
      values[y * width + x] = sum / (factor * factor);
    }
  }
  return { values, width, height };
}

function decodeLuminance({ values, width, height }: Luminance): string {
  const bitmap = new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(new ZXing.RGBLuminanceSource(values, width, height)));
  const hints = new Map<unknown, unknown>([
    [ZXing.DecodeHintType.POSSIBLE_FORMATS, [ZXing.BarcodeFormat.QR_CODE]],
    [ZXing.DecodeHintType.TRY_HARDER, true],
  ]);
  return new ZXing.QRCodeReader().decode(bitmap, hints).getText();
}

export function pngSize(png: Buffer): { width: number; height: number } {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height };
}
