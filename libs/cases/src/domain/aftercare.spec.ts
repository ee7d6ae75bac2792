import { latestAftercareEnd } from './aftercare';

describe('aftercare', () => {
  it('ends three months after it starts at the latest', () => {
    expect(latestAftercareEnd('2026-11-29')).toBe('2027-02-28');
    expect(latestAftercareEnd('2026-01-31')).toBe('2026-04-30');
    expect(latestAftercareEnd('2026-03-15')).toBe('2026-06-15');
  });
});
