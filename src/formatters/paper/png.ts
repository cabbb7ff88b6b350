/**
 * A plain picture of the chart for Word versions that cannot show SVG: the
 * SVG's rectangles (bars, legend swatches) in their base colours, with
 * outlines, and no text. Written as an RGB PNG with node's zlib; no
 * dependency. Only reads the SVG that svg.ts writes.
 */
import { deflateSync } from 'node:zlib';
import type { Status } from '../../core/types.js';
import { STATUS_FILL } from './svg.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An RGB image as PNG bytes. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const raw = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function colour(fill: string | undefined): [number, number, number] | undefined {
  if (!fill) return undefined;
  const url = /^url\(#accsm-(\w+)\)$/.exec(fill);
  const hex = url ? STATUS_FILL[url[1] as Status] : fill;
  const m = hex === undefined ? null : /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : undefined;
}

/** Rasterizes the rectangles of a chart written by paperChart (pattern defs are skipped). */
export function chartPng(svg: string): { png: Uint8Array; width: number; height: number } {
  const size = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  const width = Number(size?.[1] ?? 800);
  const height = Number(size?.[2] ?? 400);
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const body = svg.replace(/<defs>[\s\S]*?<\/defs>/, '');
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const fillRect = (x0: number, y0: number, x1: number, y1: number, c: readonly number[]) => {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(height, Math.round(y1)); y++) {
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(width, Math.round(x1)); x++) rgb.set(c, (y * width + x) * 3);
    }
  };
  for (const [tag] of body.matchAll(/<rect\b[^>]*>/g)) {
    const x = Number(attr(tag, 'x') ?? 0);
    const y = Number(attr(tag, 'y') ?? 0);
    const w = Number(attr(tag, 'width') ?? 0);
    const h = Number(attr(tag, 'height') ?? 0);
    const c = colour(attr(tag, 'fill'));
    if (c) fillRect(x, y, x + w, y + h, c);
    if (attr(tag, 'stroke')) {
      const k = [0, 0, 0];
      fillRect(x, y, x + w, y + 1, k);
      fillRect(x, y + h - 1, x + w, y + h, k);
      fillRect(x, y, x + 1, y + h, k);
      fillRect(x + w - 1, y, x + w, y + h, k);
    }
  }
  return { png: encodePng(width, height, rgb), width, height };
}
