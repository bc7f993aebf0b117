/**
 * The tray icon: a rounded badge coloured by how worrying the reading is, with the share USED (or a sign) in a
 * pixel font drawn for 16 px. Pure: same input, same bytes. The 2× variant is drawn at 32 px (not scaled
 * afterwards) so the badge edge is anti-aliased and the glyphs are smoothed by Scale2x.
 */
import { PNG } from 'pngjs';
import { LARGE, SMALL, textWidth, type Font } from './font';
import { createBitmap, fillShape, roundedRect, scale2x, type Bitmap, type Mask, type Rgba } from './raster';

export type { Bitmap } from './raster';

export const LEVELS = [
  'normal',
  'warning',
  'critical',
  'over',
  'stale',
  'error',
  'unconfigured',
  'pool',
  'hidden',
] as const;
/**
 * How worrying the reading is; decides the badge colour. 'pool' (an organisation's pooled credits, no personal
 * cap) and 'hidden' (GitHub shows the seat's user no number) are faces of their own: a round badge, never a
 * percentage.
 */
export type Level = (typeof LEVELS)[number];

export interface IconSpec {
  /** '42', '100', '100+', '∞', '?', '!'. Characters the font lacks are drawn as '?'. */
  label: string;
  level: Level;
  scale: 1 | 2;
  /** macOS template image: black + alpha only, the system tints it for light and dark menu bars. */
  template?: boolean;
  /**
   * Pace at a glance (history/outlook.ts): a thin bar of the share USED along the bottom of the badge and a
   * taller tick where the month is. A bar that runs past the tick is use ahead of an even pace. Shares 0..1.
   */
  pace?: { elapsed: number; used: number } | null | undefined;
}

/** Pace marker geometry in 1× pixels: the rail spans x 3..12 on row 13, the tick rows 12..14. */
export const PACE_RAIL = { x0: 3, cells: 10, row: 13 } as const;

/** The marker's positions in whole pixels: the tick's column and the bar's length (0..cells). */
export function paceCells(pace: { elapsed: number; used: number }): { tick: number; bar: number } {
  const clamp = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
  return {
    tick: PACE_RAIL.x0 + Math.round(clamp(pace.elapsed) * (PACE_RAIL.cells - 1)),
    bar: Math.round(clamp(pace.used) * PACE_RAIL.cells),
  };
}

/** Logical size in points; pixels = SIZE × scale. */
export const ICON_SIZE = 16;

/**
 * Badge and ink colours. Each ink has at least 4.5:1 contrast on its badge (WCAG AA for text), checked in the
 * tests. Amber is too light for white text, so the warning badge uses dark ink.
 */
export const PALETTE: Record<Level, { badge: Rgba; ink: Rgba }> = {
  normal: { badge: [26, 127, 55, 255], ink: [255, 255, 255, 255] }, // green
  warning: { badge: [242, 180, 41, 255], ink: [31, 35, 40, 255] }, // amber, dark ink
  critical: { badge: [188, 76, 0, 255], ink: [255, 255, 255, 255] }, // orange
  over: { badge: [207, 34, 46, 255], ink: [255, 255, 255, 255] }, // red
  stale: { badge: [101, 109, 118, 255], ink: [255, 255, 255, 255] }, // grey: old number, not current
  error: { badge: [36, 41, 47, 255], ink: [255, 211, 61, 255] }, // near-black with yellow '!'
  unconfigured: { badge: [9, 105, 218, 255], ink: [255, 255, 255, 255] }, // blue: "set me up"
  pool: { badge: [130, 80, 223, 255], ink: [255, 255, 255, 255] }, // purple circle with waves: shared pool
  hidden: { badge: [87, 96, 106, 255], ink: [255, 255, 255, 255] }, // slate circle with a closed eye
};

/** Levels drawn as a round badge: a face that cannot be mistaken for a percentage. */
const ROUND: ReadonlySet<Level> = new Set<Level>(['pool', 'hidden']);

/**
 * macOS: which levels the tray shows as a template image. A template image is black + alpha that the system
 * tints to match the menu bar (light, dark, tinted wallpaper), which is what a calm menu-bar item should look
 * like, but it cannot carry colour: warning, critical, over and error would look exactly like normal. So those
 * four keep the coloured badge (the same one as on Windows and Linux, with its 4.5:1 ink contrast, readable on
 * light and dark bars alike), and the colour appearing in an otherwise monochrome menu bar is itself the alert.
 * Colouring the setTitle text instead is not possible: Electron's Tray.setTitle takes no colour.
 */
export function usesTemplateImage(level: Level): boolean {
  return (
    level === 'normal' ||
    level === 'stale' ||
    level === 'unconfigured' ||
    level === 'pool' ||
    level === 'hidden'
  );
}

/** Template images cannot use colour; muted states are drawn fainter instead. */
const TEMPLATE_ALPHA: Record<Level, number> = {
  normal: 255,
  warning: 255,
  critical: 255,
  over: 255,
  stale: 140,
  error: 255,
  unconfigured: 140,
  pool: 255,
  hidden: 140,
};

/** Picks the largest font the label fits in, leaving at least one badge pixel each side. */
function layoutFont(label: string): { text: string; font: Font } {
  const maxWidth = ICON_SIZE - 2;
  for (const font of [LARGE, SMALL]) {
    const w = textWidth(label, font);
    if (w !== null && w <= maxWidth) return { text: label, font };
  }
  return { text: '?', font: LARGE };
}

/**
 * The label as a one-bit mask of 16 × scale pixels, centred. At 2× each glyph is doubled on its own (Scale2x or
 * plain doubling, per glyph), so smoothing never bridges two neighbouring glyphs.
 */
export function textMask(label: string, scale: 1 | 2 = 1, lift = 0): Mask {
  const { text, font } = layoutFont(label);
  const size = ICON_SIZE * scale;
  const bits = new Uint8Array(size * size);
  const width = textWidth(text, font) ?? 0;
  let x = Math.floor((ICON_SIZE - width) / 2);
  const y0 = Math.floor((ICON_SIZE - font.lineHeight) / 2) - lift;
  for (const ch of text) {
    const g = font.glyphs[ch]!;
    let m: Mask = { width: g.width, height: g.height, bits: g.bits };
    if (scale === 2) m = g.smooth ? scale2x(m) : double(m);
    const ox = x * scale;
    const oy = (y0 + g.top) * scale;
    for (let gy = 0; gy < m.height; gy++)
      for (let gx = 0; gx < m.width; gx++)
        if (m.bits[gy * m.width + gx]) bits[(oy + gy) * size + ox + gx] = 1;
    x += g.width + font.gap;
  }
  return { width: size, height: size, bits };
}

function double(m: Mask): Mask {
  const out = new Uint8Array(m.width * m.height * 4);
  for (let y = 0; y < m.height * 2; y++)
    for (let x = 0; x < m.width * 2; x++) out[y * m.width * 2 + x] = m.bits[(y >> 1) * m.width + (x >> 1)]!;
  return { width: m.width * 2, height: m.height * 2, bits: out };
}

function draw(spec: IconSpec): Bitmap {
  const s = spec.scale;
  const size = ICON_SIZE * s;
  const bmp = createBitmap(size, size);
  const template = spec.template === true;
  const { badge, ink } = PALETTE[spec.level];
  const badgeColor: Rgba = template ? [0, 0, 0, TEMPLATE_ALPHA[spec.level]] : badge;
  const radius = ROUND.has(spec.level) ? size / 2 : 3.5 * s;
  fillShape(bmp, badgeColor, roundedRect(0, 0, size, size, radius), 4);

  // With the pace marker underneath, the digits move up a pixel so a clear row separates the two.
  const mask = textMask(spec.label, s, spec.pace ? 1 : 0);
  const d = bmp.data;
  for (let i = 0; i < mask.bits.length; i++) {
    if (!mask.bits[i]) continue;
    const o = i * 4;
    if (template) {
      // Knocked out: the menu bar shows through the digits.
      d[o + 3] = 0;
      d[o] = d[o + 1] = d[o + 2] = 0;
    } else {
      d[o] = ink[0];
      d[o + 1] = ink[1];
      d[o + 2] = ink[2];
      d[o + 3] = 255;
    }
  }
  if (spec.pace) {
    const { tick, bar } = paceCells(spec.pace);
    const paint = (x: number, y: number) => {
      for (let dy = 0; dy < s; dy++)
        for (let dx = 0; dx < s; dx++) {
          const o = ((y * s + dy) * size + x * s + dx) * 4;
          if (template) d.set([0, 0, 0, 0], o);
          else d.set([ink[0], ink[1], ink[2], 255], o);
        }
    };
    for (let i = 0; i < bar; i++) paint(PACE_RAIL.x0 + i, PACE_RAIL.row);
    for (let y = PACE_RAIL.row - 1; y <= PACE_RAIL.row + 1; y++) paint(tick, y);
  }
  return bmp;
}

const cache = new Map<string, Bitmap>();

/**
 * Renders (or returns the cached) icon. The result is shared between callers: treat it as read-only.
 * The cache is bounded by the number of distinct labels (≈ 105) × levels × scales × template.
 */
export function renderIcon(spec: IconSpec): Bitmap {
  const p = spec.pace ? paceCells(spec.pace) : null;
  const key = `${spec.label}|${spec.level}|${spec.scale}|${spec.template === true ? 't' : 'c'}|${p ? `${p.tick}.${p.bar}` : ''}`;
  let bmp = cache.get(key);
  if (!bmp) {
    bmp = draw(spec);
    cache.set(key, bmp);
  }
  return bmp;
}

/** Forget cached icons (tests check that a fresh drawing gives the same bytes). */
export function clearIconCache(): void {
  cache.clear();
}

export function encodePng(bmp: Bitmap): Buffer {
  const png = new PNG({ width: bmp.width, height: bmp.height });
  Buffer.from(bmp.data.buffer, bmp.data.byteOffset, bmp.data.byteLength).copy(png.data);
  return PNG.sync.write(png);
}

export function decodePng(buf: Buffer): Bitmap {
  const png = PNG.sync.read(buf);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

/** Nearest-neighbour enlargement, so people can inspect 16 px icons on a contact sheet. */
export function enlarge(bmp: Bitmap, factor: number): Bitmap {
  const out = createBitmap(bmp.width * factor, bmp.height * factor);
  for (let y = 0; y < out.height; y++)
    for (let x = 0; x < out.width; x++) {
      const si = (Math.floor(y / factor) * bmp.width + Math.floor(x / factor)) * 4;
      out.data.set(bmp.data.subarray(si, si + 4), (y * out.width + x) * 4);
    }
  return out;
}

/** Copies `src` onto `dst` at (x, y), blending by alpha over what is there. */
export function blit(dst: Bitmap, src: Bitmap, x: number, y: number): void {
  for (let sy = 0; sy < src.height; sy++)
    for (let sx = 0; sx < src.width; sx++) {
      const si = (sy * src.width + sx) * 4;
      const a = src.data[si + 3]!;
      if (a === 0) continue;
      const dx = x + sx;
      const dy = y + sy;
      if (dx < 0 || dy < 0 || dx >= dst.width || dy >= dst.height) continue;
      const di = (dy * dst.width + dx) * 4;
      const t = a / 255;
      for (let k = 0; k < 3; k++)
        dst.data[di + k] = Math.round(src.data[si + k]! * t + dst.data[di + k]! * (1 - t));
      dst.data[di + 3] = Math.max(dst.data[di + 3]!, a);
    }
}
