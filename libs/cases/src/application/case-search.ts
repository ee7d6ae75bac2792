import { householdKey } from '../domain/household-key';

/** Longest search text accepted (the DTOs check it too); longer is refused, not cut. */
export const CASE_SEARCH_MAX_LENGTH = 100;
/** Words of a search text that count; the rest is ignored (a search is a few words, not a text). */
export const CASE_SEARCH_MAX_TERMS = 6;

/**
 * The words of a search text, folded like the stored name and address keys (case, accents and
 * punctuation do not count): `"Jan  Voorbeeld, 2026-0042"` → `['jan', 'voorbeeld', '2026', '0042']`.
 * Only letters and digits survive, so a term can never carry a LIKE wildcard, a quote or a NUL.
 * An empty list means that the text holds nothing to search for (then nothing matches).
 */
export function caseSearchTerms(text: string): string[] {
  const words = householdKey(text).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, CASE_SEARCH_MAX_TERMS);
}

/**
 * The SQL condition of a search over a case's tenant name, address, municipality and case number
 * (alias `c` of `case_file`), each term in one of them; never facts, notes or referral texts.
 * The name and address keys are folded when stored ({@link householdKey}), so the search is
 * accent-insensitive without PostgreSQL's `unaccent` (not installed in the embedded server).
 * Parameters are numbered from `offset + 1`.
 */
export function caseSearchCondition(terms: readonly string[], offset: number): { sql: string; params: string[] } {
  if (terms.length === 0) return { sql: 'FALSE', params: [] };
  const params = terms.map((t) => `%${t}%`);
  const sql = params
    .map((_, i) => {
      const p = `$${offset + i + 1}`;
      return `(c.tenant_name_key LIKE ${p} OR c.address_key LIKE ${p} OR lower(c.municipality) LIKE ${p}
        OR regexp_replace(lower(c.reference), '[^a-z0-9]+', ' ', 'g') LIKE ${p})`;
    })
    .join(' AND ');
  return { sql: `(${sql})`, params };
}
