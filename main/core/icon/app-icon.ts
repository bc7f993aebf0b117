/**
 * The application icon (installers, dock, task manager): a fuel gauge on a dark tile. The dial's zones use the
 * tray badge colours at the default thresholds (75 / 90 %), so the app icon and the tray icon speak one language.
 */
import { createBitmap, fillShape, roundedRect, type Bitmap, type Rgba } from './raster';
import { PALETTE } from './render';

const TILE: Rgba = [36, 41, 47, 255];
const TRACK: Rgba = [72, 79, 88, 255];
const NEEDLE: Rgba = [255, 255, 255, 255];

/** Dial angles: the gauge sweeps 270° clockwise from bottom-left (0 %) to bottom-right (100 %). */
const START = (135 * Math.PI) / 180;
const SWEEP = (270 * Math.PI) / 180;

function arc(cx: number, cy: number, r0: number, r1: number, fromPct: number, toPct: number) {
  return (x: number, y: number): boolean => {
    const dx = x - cx;
    const dy = y - cy;
    const r = Math.hypot(dx, dy);
    if (r < r0 || r > r1) return false;
    let a = Math.atan2(dy, dx) - START;
    while (a < 0) a += 2 * Math.PI;
    const pct = (a / SWEEP) * 100;
    return pct >= fromPct && pct <= toPct;
  };
}

function needle(cx: number, cy: number, len: number, width: number, pct: number) {
  const a = START + (pct / 100) * SWEEP;
  const ux = Math.cos(a);
  const uy = Math.sin(a);
  return (x: number, y: number): boolean => {
    const dx = x - cx;
    const dy = y - cy;
    const along = dx * ux + dy * uy;
    const across = Math.abs(-dx * uy + dy * ux);
    // Tapers from `width` at the hub to a third of it at the tip.
    return along >= 0 && along <= len && across <= (width / 2) * (1 - (2 / 3) * (along / len));
  };
}

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

export function renderAppIcon(size: number): Bitmap {
  const bmp = createBitmap(size, size);
  const u = size / 64;
  fillShape(bmp, TILE, roundedRect(2 * u, 2 * u, 62 * u, 62 * u, 13 * u));
  const cx = 32 * u;
  const cy = 34 * u;
  const r1 = 23 * u;
  const r0 = 16.5 * u;
  fillShape(bmp, TRACK, arc(cx, cy, r0, r1, 0, 100));
  fillShape(bmp, PALETTE.normal.badge, arc(cx, cy, r0, r1, 0, 74.4));
  fillShape(bmp, PALETTE.warning.badge, arc(cx, cy, r0, r1, 75.6, 89.4));
  fillShape(bmp, PALETTE.over.badge, arc(cx, cy, r0, r1, 90.6, 100));
  fillShape(bmp, NEEDLE, needle(cx, cy, 20 * u, 5 * u, 62));
  fillShape(bmp, NEEDLE, circle(cx, cy, 4.5 * u));
  fillShape(bmp, TILE, circle(cx, cy, 2 * u));
  return bmp;
}
