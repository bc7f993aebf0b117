/** A tiny RGBA rasteriser: enough to draw badges and the app icon with anti-aliased edges, no dependencies. */

/** Straight (not premultiplied) RGBA, row-major, 4 bytes a pixel: the layout pngjs and nativeImage PNGs use. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export type Rgba = readonly [r: number, g: number, b: number, a: number];

export function createBitmap(width: number, height: number): Bitmap {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

/** "Source over" of one colour at `coverage` (0..1) onto pixel (x, y). */
export function blendPixel(bmp: Bitmap, x: number, y: number, c: Rgba, coverage: number): void {
  if (coverage <= 0 || x < 0 || y < 0 || x >= bmp.width || y >= bmp.height) return;
  const i = (y * bmp.width + x) * 4;
  const d = bmp.data;
  const sa = (c[3] / 255) * Math.min(1, coverage);
  const da = d[i + 3]! / 255;
  const oa = sa + da * (1 - sa);
  if (oa <= 0) return;
  for (let k = 0; k < 3; k++) d[i + k] = Math.round((c[k]! * sa + d[i + k]! * da * (1 - sa)) / oa);
  d[i + 3] = Math.round(oa * 255);
}

/**
 * Fills the shape `inside(x, y)` (continuous pixel coordinates, pixel centres at +0.5) with `ss × ss` samples
 * a pixel, so edges get partial coverage (anti-aliasing). ss = 1 gives hard edges.
 */
export function fillShape(
  bmp: Bitmap,
  color: Rgba,
  inside: (x: number, y: number) => boolean,
  ss = 4,
  bounds: { x0: number; y0: number; x1: number; y1: number } = {
    x0: 0,
    y0: 0,
    x1: bmp.width,
    y1: bmp.height,
  },
): void {
  const n = ss * ss;
  for (let y = Math.max(0, bounds.y0); y < Math.min(bmp.height, bounds.y1); y++) {
    for (let x = Math.max(0, bounds.x0); x < Math.min(bmp.width, bounds.x1); x++) {
      let hits = 0;
      for (let j = 0; j < ss; j++)
        for (let i = 0; i < ss; i++) if (inside(x + (i + 0.5) / ss, y + (j + 0.5) / ss)) hits++;
      blendPixel(bmp, x, y, color, hits / n);
    }
  }
}

/** Inside test of a rounded rectangle [x0, x1) × [y0, y1) with corner radius r. */
export function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number): boolean => {
    if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
    const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
    const cy = y < y0 + r ? y0 + r : y > y1 - r ? y1 - r : y;
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

/** A 1-bit mask (1 = set), used for text. */
export interface Mask {
  width: number;
  height: number;
  bits: Uint8Array;
}

/**
 * Scale2x (EPX): doubles a 1-bit mask and rounds its diagonal steps, so pixel glyphs drawn for 16 px keep their
 * design at 32 px without looking like blown-up blocks.
 */
export function scale2x(m: Mask): Mask {
  const w = m.width;
  const h = m.height;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= w || y >= h ? 0 : m.bits[y * w + x]!);
  const out = new Uint8Array(w * 2 * h * 2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = at(x, y);
      const a = at(x, y - 1);
      const b = at(x + 1, y);
      const c = at(x - 1, y);
      const d = at(x, y + 1);
      let e0 = p;
      let e1 = p;
      let e2 = p;
      let e3 = p;
      if (c === a && c !== d && a !== b) e0 = a;
      if (a === b && a !== c && b !== d) e1 = b;
      if (d === c && d !== b && c !== a) e2 = c;
      if (b === d && b !== a && d !== c) e3 = d;
      const o = y * 2 * (w * 2) + x * 2;
      out[o] = e0;
      out[o + 1] = e1;
      out[o + w * 2] = e2;
      out[o + w * 2 + 1] = e3;
    }
  }
  return { width: w * 2, height: h * 2, bits: out };
}
