import { addDays, addMonths, belgianDate, Clock } from './clock';

describe('Clock', () => {
  it('counts days in Belgium, not in UTC', () => {
    expect(belgianDate(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(belgianDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(belgianDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('can be moved by tests', () => {
    const clock = new Clock();
    clock.travelTo('2027-03-01');
    expect(clock.today()).toBe('2027-03-01');
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('adds days and months, clamping to the end of a month', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
  });
});
