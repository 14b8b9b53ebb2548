/**
 * Draws Saksbord's icons as PNG with nothing but node:zlib: a blue rounded square with
 * three white kanban columns; the tray's alert variant adds a red dot. Run it after a
 * change: `npx tsx resources/generate-icons.ts` (the PNGs are committed).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
const blue: Rgba = [31, 95, 168, 255];
const white: Rgba = [255, 255, 255, 255];
const red: Rgba = [211, 47, 47, 255];

/** Coverage of a pixel by a shape, by 4×4 supersampling (soft edges at small sizes). */
function coverage(inside: (x: number, y: number) => boolean, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function draw(size: number, alert: boolean): Buffer {
  const s = size / 16; // design grid: 16 units
  const layers: [(x: number, y: number) => boolean, Rgba][] = [
    [roundedRect(0.5 * s, 0.5 * s, 15.5 * s, 15.5 * s, 3 * s), blue],
    // three columns of different heights: a kanban board
    [roundedRect(3 * s, 3.5 * s, 5.6 * s, 12.5 * s, 0.6 * s), white],
    [roundedRect(6.7 * s, 3.5 * s, 9.3 * s, 10 * s, 0.6 * s), white],
    [roundedRect(10.4 * s, 3.5 * s, 13 * s, 7.5 * s, 0.6 * s), white],
  ];
  if (alert) {
    const ring = (x: number, y: number) =>
      (x - 12.2 * s) ** 2 + (y - 12.2 * s) ** 2 <= (3.8 * s) ** 2;
    const dot = (x: number, y: number) => (x - 12.2 * s) ** 2 + (y - 12.2 * s) ** 2 <= (3 * s) ** 2;
    layers.push([ring, white], [dot, red]);
  }
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [inside, colour] of layers) {
        const c = coverage(inside, x, y) * (colour[3] / 255);
        if (c === 0) continue;
        // "over" compositing, non-premultiplied output
        const outA = c + a * (1 - c);
        r = (colour[0] * c + r * a * (1 - c)) / outA;
        g = (colour[1] * c + g * a * (1 - c)) / outA;
        b = (colour[2] * c + b * a * (1 - c)) / outA;
        a = outA;
      }
      pixels.set([r, g, b, a * 255].map(Math.round), (y * size + x) * 4);
    }
  return png(size, size, pixels);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = import.meta.dirname;
const files: [string, number, boolean][] = [
  ['icon.png', 512, false],
  ['tray.png', 16, false],
  ['tray@2x.png', 32, false],
  ['tray-alert.png', 16, true],
  ['tray-alert@2x.png', 32, true],
  ['notification.png', 64, true],
];
for (const [name, size, alert] of files) {
  writeFileSync(join(out, name), draw(size, alert));
  console.log(`wrote resources/${name} (${size}×${size})`);
}
