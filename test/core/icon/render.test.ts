import { describe, expect, it } from 'vitest';
import { renderAppIcon } from '../../../main/core/icon/app-icon';
import { HIDDEN_LABEL, POOL_LABEL } from '../../../shared/format';
import {
  clearIconCache,
  decodePng,
  encodePng,
  LEVELS,
  PALETTE,
  renderIcon,
  textMask,
  usesTemplateImage,
  type Bitmap,
  type Level,
} from '../../../main/core/icon/render';

const px = (b: Bitmap, x: number, y: number) =>
  Array.from(b.data.subarray((y * b.width + x) * 4, (y * b.width + x) * 4 + 4));
const maskString = (label: string) => Array.from(textMask(label).bits).join('');

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
const contrast = (a: readonly number[], b: readonly number[]) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
};

describe('tray icon pixels', () => {
  it('paints the badge in the level colour and the digits in its ink', () => {
    for (const level of LEVELS) {
      const b = renderIcon({ label: '8', level, scale: 1 });
      expect(b.width).toBe(16);
      expect(px(b, 1, 8)).toEqual([...PALETTE[level].badge]);
      // '8' is centred at x 6..9, y 4..10; its top bar starts at (7, 4), its waist at (6, 5).
      expect(px(b, 7, 4)).toEqual([...PALETTE[level].ink]);
      expect(px(b, 6, 5)).toEqual([...PALETTE[level].ink]);
      expect(px(b, 7, 5)).toEqual([...PALETTE[level].badge]);
    }
  });

  it('has readable contrast (at least 4.5:1) between ink and badge at every level', () => {
    for (const level of LEVELS)
      expect(contrast(PALETTE[level].ink, PALETTE[level].badge)).toBeGreaterThanOrEqual(4.5);
  });

  it('uses a distinct colour per level', () => {
    const colours = new Set(LEVELS.map((l) => PALETTE[l].badge.join(',')));
    expect(colours.size).toBe(LEVELS.length);
  });

  it('rounds the corners: transparent corner, opaque middle', () => {
    const b = renderIcon({ label: '42', level: 'normal', scale: 1 });
    expect(px(b, 0, 0)[3]).toBe(0);
    expect(px(b, 8, 0)[3]).toBe(255);
    expect(px(b, 0, 8)[3]).toBe(255);
  });

  it('anti-aliases the badge edge at 2×', () => {
    const b = renderIcon({ label: '42', level: 'normal', scale: 2 });
    expect(b.width).toBe(32);
    const alphas = new Set<number>();
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) alphas.add(px(b, x, y)[3]!);
    expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('draws a different shape for every digit and sign', () => {
    const labels = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '?', '!', '∞'];
    expect(new Set(labels.map(maskString)).size).toBe(labels.length);
  });

  it('fits "100+" with a free column of badge on each side', () => {
    const m = textMask('100+');
    const inkColumns = new Set<number>();
    m.bits.forEach((v, i) => v && inkColumns.add(i % 16));
    expect(inkColumns.has(0) || inkColumns.has(15)).toBe(false);
    expect(Math.max(...inkColumns) - Math.min(...inkColumns) + 1).toBe(14);
    expect(maskString('100+')).not.toBe(maskString('?'));
    expect(maskString('100+')).not.toBe(maskString('100'));
  });

  it('draws characters the font lacks as "?"', () => {
    expect(maskString('x%')).toBe(maskString('?'));
  });

  it('makes template images from black and alpha only, with the digits knocked out', () => {
    const b = renderIcon({ label: '8', level: 'over', scale: 2, template: true });
    for (let i = 0; i < b.data.length; i += 4)
      expect([b.data[i], b.data[i + 1], b.data[i + 2]]).toEqual([0, 0, 0]);
    expect(px(b, 14, 8)[3]).toBe(0); // inside the top bar of the '8' (7, 4) at 2×
    expect(px(b, 2, 16)[3]).toBe(255);
    const stale = renderIcon({ label: '8', level: 'stale', scale: 1, template: true });
    expect(px(stale, 1, 8)[3]).toBeLessThan(255);
  });

  it('keeps every level apart on macOS: template images only for the calm ones, colour for the warnings', () => {
    expect(LEVELS.filter(usesTemplateImage)).toEqual(['normal', 'stale', 'unconfigured', 'pool', 'hidden']);
    // What the menu bar gets per level, with the label the tray gives it: no two may look alike (the template
    // images of normal, warning, critical, over were the same black badge).
    const labelOf = (level: Level) =>
      level === 'unconfigured'
        ? '?'
        : level === 'error'
          ? '!'
          : level === 'pool'
            ? POOL_LABEL
            : level === 'hidden'
              ? HIDDEN_LABEL
              : '95';
    const shown = LEVELS.map((level) => {
      const bmp = renderIcon({ label: labelOf(level), level, scale: 2, template: usesTemplateImage(level) });
      return Buffer.from(bmp.data).toString('base64');
    });
    expect(new Set(shown).size).toBe(LEVELS.length);
  });

  it('is deterministic and cached', () => {
    const a = renderIcon({ label: '57', level: 'warning', scale: 2 });
    expect(renderIcon({ label: '57', level: 'warning', scale: 2 })).toBe(a);
    clearIconCache();
    const b = renderIcon({ label: '57', level: 'warning', scale: 2 });
    expect(b).not.toBe(a);
    expect(Buffer.from(b.data).equals(Buffer.from(a.data))).toBe(true);
  });

  it('encodes a PNG that decodes to the same bitmap', () => {
    const a = renderIcon({ label: '100+', level: 'over', scale: 2 });
    const png = encodePng(a);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const back = decodePng(png);
    expect(back.width).toBe(32);
    expect(Buffer.from(back.data).equals(Buffer.from(a.data))).toBe(true);
  });
});

describe('application icon', () => {
  it('draws a gauge on an opaque tile with transparent corners', () => {
    const b = renderAppIcon(256);
    expect(b.width).toBe(256);
    expect(px(b, 0, 0)[3]).toBe(0);
    expect(px(b, 128, 30)[3]).toBe(255);
    // Left of the dial (0–75 % zone) is green.
    expect(px(b, 128 - 78, 136)).toEqual([...PALETTE.normal.badge]);
  });
});
