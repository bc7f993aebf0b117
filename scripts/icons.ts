/**
 * `npm run icons`: writes every tray icon state at 1× and 2× to out/icons/, a contact sheet (out/icons/sheet.png)
 * enlarged so a person can review the pixels on a light and a dark bar, and the application icon to build/icons/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HIDDEN_LABEL, POOL_LABEL } from '../shared/format';
import { renderAppIcon } from '../main/core/icon/app-icon';
import { createBitmap, type Bitmap } from '../main/core/icon/raster';
import {
  blit,
  encodePng,
  enlarge,
  renderIcon,
  usesTemplateImage,
  type Level,
} from '../main/core/icon/render';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out/icons');
const buildDir = join(root, 'build/icons');
mkdirSync(outDir, { recursive: true });
mkdirSync(buildDir, { recursive: true });

/** One sample per state the tray can show, plus every digit so glyph shapes can be compared. */
export const SAMPLES: Array<{ label: string; level: Level; pace?: { elapsed: number; used: number } }> = [
  { label: '0', level: 'normal' },
  { label: '42', level: 'normal' },
  { label: '∞', level: 'normal' },
  { label: '80', level: 'warning' },
  { label: '95', level: 'critical' },
  { label: '100', level: 'over' },
  { label: '100+', level: 'over' },
  { label: '42', level: 'stale' },
  { label: '!', level: 'error' },
  { label: '?', level: 'unconfigured' },
  // An organisation pool (no personal cap) and a hidden seat (no number): round faces, never a percentage.
  { label: POOL_LABEL, level: 'pool' },
  { label: HIDDEN_LABEL, level: 'hidden' },
  { label: POOL_LABEL, level: 'stale' },
  ...['12', '34', '56', '78', '90', '5'].map((label) => ({ label, level: 'normal' as Level })),
  // Pace marker (bar = share used, tick = share of the month gone): behind pace, on pace, ahead of pace.
  { label: '30', level: 'normal', pace: { elapsed: 0.6, used: 0.3 } },
  { label: '50', level: 'normal', pace: { elapsed: 0.5, used: 0.5 } },
  { label: '80', level: 'warning', pace: { elapsed: 0.4, used: 0.8 } },
  { label: '95', level: 'critical', pace: { elapsed: 0.7, used: 0.95 } },
];

const written: string[] = [];
const save = (path: string, bmp: Bitmap) => {
  writeFileSync(path, encodePng(bmp));
  written.push(path);
};
const safe = (label: string) =>
  label
    .replace('+', 'plus')
    .replace('∞', 'inf')
    .replace('?', 'q')
    .replace('!', 'x')
    .replace(POOL_LABEL, 'pool')
    .replace(HIDDEN_LABEL, 'hidden');

for (const { label, level, pace } of SAMPLES) {
  for (const scale of [1, 2] as const) {
    const suffix = `${pace ? '-pace' : ''}${scale === 2 ? '@2x' : ''}`;
    save(join(outDir, `${level}-${safe(label)}${suffix}.png`), renderIcon({ label, level, scale, pace }));
    save(
      join(outDir, `${level}-${safe(label)}-template${suffix}.png`),
      renderIcon({ label, level, scale, template: true, pace }),
    );
  }
}

// Contact sheet: per sample a column; rows = 1× ×8 and 2× ×4 (same on-screen size), Windows/Linux then macOS
// (a template image for calm levels, the coloured badge for warnings: usesTemplateImage), on a light bar and on
// a dark bar.
const cell = 16 * 8;
const pad = 12;
const bars: Array<[number, number, number]> = [
  [236, 236, 236],
  [30, 30, 30],
];
const rows = 4 * bars.length;
const sheet = createBitmap(SAMPLES.length * (cell + pad) + pad, rows * (cell + pad) + pad);
bars.forEach((bg, b) => {
  for (let y = b * 4 * (cell + pad); y < (b + 1) * 4 * (cell + pad) + (b === 1 ? pad : 0); y++)
    for (let x = 0; x < sheet.width; x++) sheet.data.set([...bg, 255], (y * sheet.width + x) * 4);
});
SAMPLES.forEach(({ label, level, pace }, i) => {
  const x = pad + i * (cell + pad);
  bars.forEach((bg, b) => {
    const template = usesTemplateImage(level);
    const variants: Bitmap[] = [
      enlarge(renderIcon({ label, level, scale: 1, pace }), 8),
      enlarge(renderIcon({ label, level, scale: 2, pace }), 4),
      enlarge(renderIcon({ label, level, scale: 1, template, pace }), 8),
      enlarge(renderIcon({ label, level, scale: 2, template, pace }), 4),
    ];
    variants.forEach((v, r) => {
      // macOS tints template images: white on a dark bar.
      if (b === 1 && r >= 2 && template) v = tint(v, [255, 255, 255]);
      blit(sheet, v, x, pad + (b * 4 + r) * (cell + pad));
    });
    void bg;
  });
});
save(join(outDir, 'sheet.png'), sheet);

// Real size preview: how the icons look at 100 % on a bar.
const strip = createBitmap(SAMPLES.length * 24 + 8, 2 * 24 + 8);
bars.forEach((bg, b) => {
  for (let y = 4 + b * 24; y < 4 + (b + 1) * 24; y++)
    for (let x = 0; x < strip.width; x++) strip.data.set([...bg, 255], (y * strip.width + x) * 4);
  SAMPLES.forEach(({ label, level, pace }, i) =>
    blit(strip, renderIcon({ label, level, scale: 1, pace }), 8 + i * 24, 8 + b * 24),
  );
});
save(join(outDir, 'actual-size.png'), strip);

for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
  save(join(buildDir, `${size}x${size}.png`), renderAppIcon(size));
save(join(buildDir, 'icon.png'), renderAppIcon(1024));

function tint(bmp: Bitmap, rgb: [number, number, number]): Bitmap {
  const out = { width: bmp.width, height: bmp.height, data: new Uint8Array(bmp.data) };
  for (let i = 0; i < out.data.length; i += 4) out.data.set(rgb, i);
  return out;
}

console.log(`wrote ${written.length} PNGs to out/icons and build/icons`);
