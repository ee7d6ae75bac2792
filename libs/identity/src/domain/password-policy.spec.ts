import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';

const user = { email: 'sofie.peeters@woonbrug.example' };

describe('passwordProblems (ASVS 5, V6.2)', () => {
  it('accepts a passphrase of 12 code points or more, without composition rules', () => {
    expect(passwordProblems('paarse olifant op de fiets', user)).toEqual([]);
    expect(passwordProblems('alleenkleineletters', user)).toEqual([]);
    expect(passwordProblems('Woonbrug-demo-2026', user)).toEqual([]);
  });

  it('refuses fewer than 12 code points and counts code points, not UTF-16 units', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblems('kort-wachtw', user)).toEqual(['PASSWORD_TOO_SHORT']);
    // 11 emoji are 22 UTF-16 units but 11 characters: too short.
    expect(passwordProblems('🏠'.repeat(11), user)).toEqual(['PASSWORD_TOO_SHORT']);
    expect(passwordProblems('🏠'.repeat(12), user)).toEqual([]);
    expect(passwordProblems('ééééééééééé€', user)).toEqual([]);
  });

  it('refuses more than 128 code points and accepts exactly 128', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    expect(passwordProblems('x7'.repeat(64), user)).toEqual([]);
    expect(passwordProblems(`${'x7'.repeat(64)}y`, user)).toEqual(['PASSWORD_TOO_LONG']);
    // 128 emoji (256 UTF-16 units) are still 128 characters.
    expect(passwordProblems('🔑'.repeat(128), user)).toEqual([]);
  });

  it('refuses common passwords from the list, whatever their case', () => {
    expect(passwordProblems('qwerty123456', user)).toEqual(['PASSWORD_COMMON']);
    expect(passwordProblems('QwErTy123456', user)).toEqual(['PASSWORD_COMMON']);
    expect(passwordProblems('1qaz2wsx3edc', user)).toEqual(['PASSWORD_COMMON']);
    expect(passwordProblems('password', user)).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_COMMON']);
  });

  it("refuses a password that contains the user's e-mail local part, in any case", () => {
    expect(passwordProblems('mijn-sofie.peeters-2026', user)).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(passwordProblems('SOFIE.PEETERS!!!', user)).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(passwordProblems('sofie peeters 2026', user)).toEqual([]);
    // A very short local part is not looked for: it would forbid too much.
    expect(passwordProblems('jo-jo-jo-jo-jo', { email: 'jo@woonbrug.example' })).toEqual([]);
  });

  it('never trims: spaces count', () => {
    expect(passwordProblems('  abcdefghij', user)).toEqual([]);
  });
});
