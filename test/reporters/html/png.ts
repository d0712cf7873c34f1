import { inflateSync } from 'node:zlib';

/** A decoded 8-bit RGBA or RGB image. */
export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/**
 * Decodes the PNGs Chromium writes for screenshots: 8-bit, colour type 2
 * (RGB) or 6 (RGBA), not interlaced. Throws on anything else, so a test
 * cannot pass on an image it did not read.
 */
export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let header: { width: number; height: number; depth: number; colorType: number; interlace: number } | undefined;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const chunk = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: chunk.readUInt32BE(0),
        height: chunk.readUInt32BE(4),
        depth: chunk[8]!,
        colorType: chunk[9]!,
        interlace: chunk[12]!,
      };
    }
    if (type === 'IDAT') idat.push(chunk);
    offset += 12 + length;
  }
  if (header === undefined || header.depth !== 8 || header.interlace !== 0 || ![2, 6].includes(header.colorType)) {
    throw new Error(`unsupported PNG: ${JSON.stringify(header)}`);
  }
  const channels = header.colorType === 6 ? 4 : 3;
  const data = unfilter(inflateSync(Buffer.concat(idat)), header.width, header.height, channels);
  return { width: header.width, height: header.height, channels, data };
}

/** Reverses the per-row PNG filters (none, sub, up, average, Paeth). */
function unfilter(raw: Buffer, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? out[y * stride + x - channels]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? out[(y - 1) * stride + x - channels]! : 0;
      out[y * stride + x] = (row[x]! + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      if (a <= b && a <= c) return left;
      return b <= c ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}

/** The distinct colours of an image, as `r,g,b` strings. */
export function distinctColors(pixels: Pixels): Set<string> {
  const colors = new Set<string>();
  for (let i = 0; i < pixels.data.length; i += pixels.channels) {
    colors.add(`${pixels.data[i]},${pixels.data[i + 1]},${pixels.data[i + 2]}`);
  }
  return colors;
}

/** Counts pixels close to a colour, so anti-aliasing does not hide a stroke. */
export function countNear(pixels: Pixels, [r, g, b]: [number, number, number], tolerance: number): number {
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += pixels.channels) {
    const distance =
      Math.abs(pixels.data[i]! - r) + Math.abs(pixels.data[i + 1]! - g) + Math.abs(pixels.data[i + 2]! - b);
    if (distance <= tolerance) count += 1;
  }
  return count;
}
