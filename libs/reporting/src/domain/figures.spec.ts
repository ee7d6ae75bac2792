import { figureRow, successRate } from './figures';
import { formatNumber, formatPercent } from './format';

describe('successRate', () => {
  it('reproduces the table of DESIGN.md §5', () => {
    expect([successRate(3, 4), successRate(8, 9), successRate(4, 4), successRate(15, 17)]).toEqual([75, 89, 100, 88]);
  });

  it('rounds half-up to a whole percent, also where floating point would not', () => {
    expect(successRate(1, 8)).toBe(13); // 12.5
    expect(successRate(5, 8)).toBe(63); // 62.5
    expect(successRate(1, 200)).toBe(1); // 0.5
    expect(successRate(1, 3)).toBe(33); // 33.33
    expect(successRate(2, 3)).toBe(67); // 66.67
    expect(successRate(7, 40)).toBe(18); // 17.5
    expect(successRate(0, 5)).toBe(0);
  });

  it('has no rate without closed trajectories, and refuses impossible counts', () => {
    expect(successRate(0, 0)).toBeNull();
    expect(() => successRate(5, 4)).toThrow(RangeError);
    expect(() => successRate(-1, 4)).toThrow(RangeError);
    expect(() => successRate(1.5, 4)).toThrow(RangeError);
  });
});

describe('figureRow', () => {
  const counts = { trajectories: 4, favourable: 3, evicted: 1, left_voluntarily: 0, refused_help: 0, other: 0, ongoing: 2, averageDays: 190.5, medianDays: 190 };

  it('adds the unfavourable outcomes up and computes the rate', () => {
    expect(figureRow(counts)).toEqual({
      trajectories: 4,
      favourable: 3,
      unfavourable: 1,
      outcomes: { evicted: 1, left_voluntarily: 0, refused_help: 0, other: 0 },
      ongoing: 2,
      successRate: 75,
      averageDays: 190.5,
      medianDays: 190,
      suppressed: [],
    });
  });

  it('refuses outcomes that do not add up to the closed trajectories', () => {
    expect(() => figureRow({ ...counts, evicted: 2 })).toThrow(RangeError);
  });

  it('has no durations without closed trajectories', () => {
    const open = figureRow({ ...counts, trajectories: 0, favourable: 0, evicted: 0, averageDays: 12, medianDays: 12 });
    expect([open.successRate, open.averageDays, open.medianDays]).toEqual([null, null, null]);
  });
});

describe('Dutch number formatting', () => {
  it('writes a percent with a space and a decimal comma in Dutch, the English way in English', () => {
    expect(formatPercent(88, 'nl')).toBe('88 %');
    expect(formatPercent(88, 'nl', '\u00a0')).toBe('88\u00a0%');
    expect(formatPercent(88, 'en')).toBe('88%');
    expect(formatNumber(183.5, 'nl')).toBe('183,5');
    expect(formatNumber(1234, 'nl')).toBe('1.234');
    expect(formatNumber(183.5, 'en')).toBe('183.5');
  });
});
