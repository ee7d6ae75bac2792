/**
 * Folds a name or address for comparison: case, accents, punctuation and spacing do not make
 * two referrals of the same household look different.
 */
export function householdKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
