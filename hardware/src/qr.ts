import QRCode from 'qrcode';

/** The module matrix of a QR symbol: what gets drawn in pictures and checked in tests. */
export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(data: string, errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): QrMatrix {
  const { modules } = QRCode.create(data, { errorCorrectionLevel });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/** One SVG path for all dark modules, placed with its top-left corner at (x, y); `cell` px per module. */
export function qrSvgPath(m: QrMatrix, x: number, y: number, cell: number): string {
  let d = '';
  for (let row = 0; row < m.size; row++) {
    for (let col = 0; col < m.size; col++) {
      if (m.dark(row, col)) d += `M${x + col * cell} ${y + row * cell}h${cell}v${cell}h-${cell}z`;
    }
  }
  return `<path d="${d}" fill="#000" shape-rendering="crispEdges"/>`;
}

/** A QR code as a standalone SVG picture: `cell` px per module and a quiet zone of four modules. */
export function qrSvgDocument(data: string, cell = 8): string {
  const m = qrMatrix(data);
  const size = (m.size + 8) * cell;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="100%" height="100%" fill="#fff"/>${qrSvgPath(m, 4 * cell, 4 * cell, cell)}</svg>`;
}
