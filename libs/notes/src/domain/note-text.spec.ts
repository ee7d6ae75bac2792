import { DomainError } from '@woonbrug/kernel';
import { assertNoteText, MAX_NOTE_LENGTH } from './note-text';

function codeOf(text: string): string | undefined {
  try {
    assertNoteText(text);
    return undefined;
  } catch (error) {
    return (error as DomainError).details[0]?.code;
  }
}

describe('assertNoteText', () => {
  it('accepts 1 to 10000 characters', () => {
    expect(codeOf('x')).toBeUndefined();
    expect(codeOf('x'.repeat(MAX_NOTE_LENGTH))).toBeUndefined();
    expect(codeOf('🏠'.repeat(MAX_NOTE_LENGTH))).toBeUndefined();
  });

  it('refuses empty, blank and too long text', () => {
    expect(codeOf('')).toBe('REQUIRED');
    expect(codeOf(' \n\t ')).toBe('REQUIRED');
    expect(codeOf('x'.repeat(MAX_NOTE_LENGTH + 1))).toBe('TOO_LONG');
  });
});
