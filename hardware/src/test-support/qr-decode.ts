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

export function decodeQrFromPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminance.length; i++) {
    const d = image.data;
    luminance[i] = (d[i * 4]! * 299 + d[i * 4 + 1]! * 587 + d[i * 4 + 2]! * 114) / 1000;
  }
  const bitmap = new ZXing.BinaryBitmap(
    new ZXing.HybridBinarizer(new ZXing.RGBLuminanceSource(luminance, image.width, image.height)),
  );
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
