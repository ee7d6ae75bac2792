import { CASE_SEARCH_MAX_LENGTH } from '@woonbrug/cases';
import { validationFailed } from '@woonbrug/web';

/**
 * The `q` of a case search as the query string brings it: absent or blank means "no search";
 * a repeated `q`, an object or an over-long text is refused (400), never passed on.
 */
export function parseCaseSearch(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw validationFailed([{ field: 'q', code: 'INVALID_TEXT', message: 'q must be one text' }]);
  if (raw.length > CASE_SEARCH_MAX_LENGTH) {
    throw validationFailed([{ field: 'q', code: 'TOO_LONG', message: `q must be at most ${CASE_SEARCH_MAX_LENGTH} characters` }]);
  }
  return raw.trim() === '' ? undefined : raw;
}
