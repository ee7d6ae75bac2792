import { retentionCutoff } from './retention-period';

describe('retentionCutoff', () => {
  it('keeps exactly the retention period, counted in calendar months', () => {
    expect(retentionCutoff('2026-11-29', 60)).toBe('2021-11-29');
    expect(retentionCutoff('2026-11-29', 1)).toBe('2026-10-29');
  });

  it('clamps to the end of a shorter month', () => {
    expect(retentionCutoff('2026-03-31', 1)).toBe('2026-02-28');
    expect(retentionCutoff('2028-03-31', 1)).toBe('2028-02-29');
  });

  it('refuses a period that would anonymise open work or nothing sensible', () => {
    expect(() => retentionCutoff('2026-11-29', 0)).toThrow(RangeError);
    expect(() => retentionCutoff('2026-11-29', -12)).toThrow(RangeError);
    expect(() => retentionCutoff('2026-11-29', 1.5)).toThrow(RangeError);
  });
});
