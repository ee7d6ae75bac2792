import { formatDay, formatMoment } from './belgian-time';

describe('Belgian time for the tenant', () => {
  it('writes an instant in Belgian time, winter (UTC+1) and summer (UTC+2)', () => {
    expect(formatMoment('2026-11-20T13:05:00Z', 'nl')).toBe('20 november 2026 om 14:05');
    expect(formatMoment('2026-07-01T10:00:00Z', 'nl')).toBe('1 juli 2026 om 12:00');
    // Just before midnight UTC is already the next day in Brussels.
    expect(formatMoment('2026-12-31T23:30:00Z', 'nl')).toBe('1 januari 2027 om 00:30');
    expect(formatMoment('2026-11-20T13:05:00Z', 'en')).toBe('20 November 2026 at 14:05');
  });

  it('uses plain spaces only, so that the PDF fonts can draw it and a search finds it', () => {
    for (const lang of ['nl', 'en', 'fr']) expect(formatMoment('2026-11-20T13:05:00Z', lang)).toMatch(/^[^\u00a0\u202f\u2009]+$/);
  });

  it('writes a calendar day without shifting it, also on the days the clocks change', () => {
    expect(formatDay('2026-03-29', 'nl')).toBe('29 maart 2026');
    expect(formatDay('2026-10-25', 'nl')).toBe('25 oktober 2026');
    expect(formatDay('2026-01-01', 'en')).toBe('1 January 2026');
    expect(formatDay('not a day', 'nl')).toBe('not a day');
  });
});
