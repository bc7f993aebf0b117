/**
 * A pixel font drawn for a 16 × 16 tray badge. Two sizes: LARGE (7 px tall) for labels of up to three
 * characters ("7", "42", "100", "?", "!", "∞"), and SMALL (5 px tall) for "100+", which cannot fit at 7 px:
 * four 4-px glyphs plus gaps are 19 px. In SMALL the "1" is 2 px wide, so "100+" is 2+1+3+1+3+1+3 = 14 px and
 * keeps a pixel of badge on each side. Glyphs are strings of rows ('#' = ink) so their shapes can be reviewed
 * here as they look.
 */

export interface Glyph {
  width: number;
  height: number;
  /** Row-major, 1 = ink. */
  bits: Uint8Array;
  /** Rows of blank space above the glyph's own rows, to sit it in the line (the ∞ is shorter). */
  top: number;
  /** Smooth diagonals when doubled (Scale2x). Off for '+', which Scale2x would turn into a diamond. */
  smooth: boolean;
}

function glyph(rows: string[], top = 0, smooth = true): Glyph {
  const width = Math.max(...rows.map((r) => r.length));
  const bits = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === '#') bits[y * width + x] = 1;
  });
  return { width, height: rows.length, bits, top, smooth };
}

export interface Font {
  lineHeight: number;
  /** Blank columns between glyphs. */
  gap: number;
  glyphs: Readonly<Record<string, Glyph>>;
}

export const LARGE: Font = {
  lineHeight: 7,
  gap: 1,
  glyphs: {
    '0': glyph(['.##.', '#..#', '#..#', '#..#', '#..#', '#..#', '.##.']),
    '1': glyph(['.#.', '##.', '.#.', '.#.', '.#.', '.#.', '###']),
    '2': glyph(['.##.', '#..#', '...#', '..#.', '.#..', '#...', '####']),
    '3': glyph(['###.', '...#', '...#', '.##.', '...#', '...#', '###.']),
    '4': glyph(['#...', '#...', '#.#.', '#.#.', '####', '..#.', '..#.']),
    '5': glyph(['####', '#...', '###.', '...#', '...#', '#..#', '.##.']),
    '6': glyph(['.##.', '#...', '#...', '###.', '#..#', '#..#', '.##.']),
    '7': glyph(['####', '...#', '..#.', '..#.', '.#..', '.#..', '.#..']),
    '8': glyph(['.##.', '#..#', '#..#', '.##.', '#..#', '#..#', '.##.']),
    '9': glyph(['.##.', '#..#', '#..#', '.###', '...#', '...#', '.##.']),
    '?': glyph(['.##.', '#..#', '...#', '..#.', '.#..', '....', '.#..']),
    '!': glyph(['##', '##', '##', '##', '##', '..', '##']),
    '∞': glyph(['.##..##.', '#..##..#', '#..##..#', '.##..##.'], 2),
    '+': glyph(['...', '.#.', '###', '.#.', '...'], 1, false),
    // The pool face: two waves (a shared pool of credits), never digits that could pass for a percentage.
    '≈': glyph(
      [
        '.#...#...#.',
        '#.#.#.#.#.#',
        '...#...#...',
        '...........',
        '.#...#...#.',
        '#.#.#.#.#.#',
        '...#...#...',
      ],
      0,
    ),
    // The hidden face: a closed eye (GitHub does not show this seat's use), no number.
    '⌣': glyph(['#.........#', '.##.....##.', '...#####...', '..#..#..#..', '.#...#...#.'], 1),
  },
};

export const SMALL: Font = {
  lineHeight: 5,
  gap: 1,
  glyphs: {
    '0': glyph(['###', '#.#', '#.#', '#.#', '###']),
    '1': glyph(['.#', '##', '.#', '.#', '.#']),
    '2': glyph(['##.', '..#', '.#.', '#..', '###']),
    '3': glyph(['##.', '..#', '.#.', '..#', '##.']),
    '4': glyph(['#.#', '#.#', '###', '..#', '..#']),
    '5': glyph(['###', '#..', '##.', '..#', '##.']),
    '6': glyph(['.##', '#..', '###', '#.#', '###']),
    '7': glyph(['###', '..#', '.#.', '.#.', '.#.']),
    '8': glyph(['###', '#.#', '###', '#.#', '###']),
    '9': glyph(['###', '#.#', '###', '..#', '##.']),
    '+': glyph(['...', '.#.', '###', '.#.', '...'], 0, false),
    '?': glyph(['##.', '..#', '.#.', '...', '.#.']),
    '!': glyph(['#', '#', '#', '.', '#']),
  },
};

export function textWidth(text: string, font: Font): number | null {
  let w = 0;
  let n = 0;
  for (const ch of text) {
    const g = font.glyphs[ch];
    if (!g) return null;
    w += g.width;
    n++;
  }
  return n === 0 ? 0 : w + font.gap * (n - 1);
}
