import { fullYear, nearestYear, parseIsoDay, relativeDay, relativeMonth, relativeYear } from './relative-time';

const REF = parseIsoDay('2025-06-15');
const day = (iso: string) => parseIsoDay(iso);

describe('relative times', () => {
  it('says days exactly, then weeks, months and years approximately, in both directions', () => {
    expect(relativeDay(day('2025-06-15'), REF)).toBe('dezelfde dag');
    expect(relativeDay(day('2025-06-14'), REF)).toBe('1 dag eerder');
    expect(relativeDay(day('2025-06-28'), REF)).toBe('13 dagen later');
    expect(relativeDay(day('2025-06-01'), REF)).toBe('ongeveer 2 weken eerder');
    expect(relativeDay(day('2025-03-12'), REF)).toBe('ongeveer 3 maanden eerder');
    expect(relativeDay(day('2026-02-01'), REF)).toBe('ongeveer 8 maanden later');
    expect(relativeDay(day('1985-07-30'), REF)).toBe('ongeveer 40 jaar eerder');
    expect(relativeDay(day('2024-12-31'), REF)).toBe('ongeveer 5 maanden eerder');
  });

  it('counts months and years for dates written without a day', () => {
    expect(relativeMonth(2025, 6, REF)).toBe('dezelfde maand');
    expect(relativeMonth(2024, 3, REF)).toBe('ongeveer 15 maanden eerder');
    expect(relativeMonth(2022, 6, REF)).toBe('ongeveer 3 jaar eerder');
    expect(relativeYear(2025, REF)).toBe('hetzelfde jaar');
    expect(relativeYear(2026, REF)).toBe('ongeveer 1 jaar later');
  });

  it('completes two-digit years and days without a year towards the reference', () => {
    expect(fullYear(24, REF)).toBe(2024);
    expect(fullYear(35, REF)).toBe(2035);
    expect(fullYear(56, REF)).toBe(1956);
    expect(nearestYear(3, 12, REF)).toBe(2025);
    expect(nearestYear(12, 20, REF)).toBe(2024);
    expect(nearestYear(2, 29, REF)).toBe(2024);
  });

  it('refuses a reference day that does not exist', () => {
    expect(() => parseIsoDay('2025-02-30')).toThrow();
    expect(() => parseIsoDay('15/06/2025')).toThrow();
  });
});
