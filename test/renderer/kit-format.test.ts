/** The renderer kit's number parsing: what a person types in their language becomes the number they meant. */
import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '../../renderer/kit/format';

describe('parseLocaleNumber', () => {
  it('reads English and Chinese thousands separators and decimal points', () => {
    expect(parseLocaleNumber('9,000', 'en-US')).toBe(9000);
    expect(parseLocaleNumber(' 2,500.5 ', 'en-US')).toBe(2500.5);
    expect(parseLocaleNumber('12,000', 'zh-CN')).toBe(12000);
  });

  it('reads French spaces as grouping and the comma as the decimal mark (a point too)', () => {
    expect(parseLocaleNumber('9 000', 'fr-FR')).toBe(9000);
    expect(parseLocaleNumber('9\u202f000', 'fr-FR')).toBe(9000);
    expect(parseLocaleNumber('1500,5', 'fr-FR')).toBe(1500.5);
    expect(parseLocaleNumber('1500.5', 'fr-FR')).toBe(1500.5);
  });

  it('is NaN for anything that is not a plain positive number', () => {
    for (const bad of ['', '  ', 'abc', '-5', '1e3', '1.2.3', '12k']) {
      expect(parseLocaleNumber(bad, 'en-US')).toBeNaN();
    }
  });
});
