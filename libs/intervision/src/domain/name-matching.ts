/**
 * Matching known names, streets and places in free text however they are written: any case,
 * with or without diacritics, split or joined by hyphens and spaces ("Van den Broeck",
 * "Vandenbroeck", "van den broeck"), with a possessive ("Peeters'", "Jans"), and with the
 * spelling variants that sound the same in Dutch ("Sophie"/"Sofie", "Janssens"/"Jansens",
 * "Meijer"/"Meyer"). Pure functions, no framework.
 */

/** Letters and digits of a word; an apostrophe inside a word keeps it together (D'Hondt). */
export const WORD_CHARS = '\\p{L}\\p{M}\\p{N}';
const TOKEN = new RegExp(`[${WORD_CHARS}]+(?:['’][${WORD_CHARS}]+)*`, 'gu');

/**
 * Name particles: part of a name, but never stripped on their own (they are everyday words:
 * "de", "van", "het"). Next to a stripped name they go with it. Stored as {@link fold} keys.
 */
export const PARTICLES: ReadonlySet<string> = new Set(
  [
    'van', 'de', 'der', 'den', 'het', "'t", 'ter', 'ten', 'te', 'vander', 'vanden', 'vande', 'op', 'in', 'la', 'le', 'du', 'des', 'di', 'da', 'del', 'della', 'von',
    'zu', 'd', 'l', 'el', 'al', 'ben', 'bin', 'ibn', 'bint', 'abu', 'mac', 'mc', 'o', 'st', 'sint', 'saint', 'dos', 'das', 'y', 'e',
  ].map((p) => fold(p)),
);

/**
 * The comparison key of a word: lower case, without diacritics or apostrophes, with spellings
 * that sound alike in Dutch made equal, and doubled letters single.
 */
export function fold(word: string): string {
  let key = word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[øö]/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  key = key
    .replace(/^ch/, 'k')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck/g, 'k')
    .replace(/c(?!h)/g, 'k')
    .replace(/q/g, 'k')
    .replace(/(?:ij|ei|ey|y)/g, 'i')
    .replace(/ae/g, 'a')
    .replace(/dt$/, 't')
    .replace(/d$/, 't')
    .replace(/(.)\1+/g, '$1');
  return key;
}

/** A word of the text, with where it is. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Whether what lies between two words lets them belong to one name: spaces, a hyphen, an apostrophe. */
export function isNameGap(gap: string): boolean {
  return gap.length > 0 && /^[ \t\u00a0]*(?:[-‐‑–'’][ \t\u00a0]*)?$/u.test(gap);
}

/** Parts of a known identifier: its words, split at spaces, hyphens, apostrophes and punctuation. */
export function partsOf(known: string): string[] {
  return known.split(new RegExp(`[^${WORD_CHARS}]+`, 'u')).filter((p) => p.length > 0);
}

/** A part that identifies on its own: two letters or more, not a particle, not only digits. */
export function isSignificant(part: string): boolean {
  const key = fold(part);
  return key.length >= 2 && !PARTICLES.has(key) && !/^\p{N}+$/u.test(part);
}

/**
 * Every key under which a known identifier may be written: its significant parts, and every run
 * of adjacent parts joined ("Van den Broeck" → "vandenbrok", "denbrok", "brok"), so that the
 * text may split or join them differently than the record does.
 */
export function keysOf(known: string, options: { minPartLength?: number } = {}): Set<string> {
  const parts = partsOf(known);
  const keys = new Set<string>();
  const minimum = options.minPartLength ?? 2;
  for (const part of parts) {
    if (isSignificant(part) && fold(part).length >= minimum) keys.add(fold(part));
  }
  for (let from = 0; from < parts.length; from++) {
    for (let to = from + 2; to <= parts.length; to++) {
      const run = parts.slice(from, to);
      if (run.some((p) => isSignificant(p))) keys.add(fold(run.join('')));
    }
  }
  return keys;
}

/** Damerau–Levenshtein distance of at most `limit`, for short words (a typo, a swapped letter). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}
