import { fold, isNameGap, isSignificant, keysOf, partsOf, PARTICLES, tokenize, withinOneEdit, WORD_CHARS, type Token } from './name-matching';
import { fullYear, isValidDay, nearestYear, parseIsoDay, relativeDay, relativeMonth, relativeYear, type CalendarDay } from './relative-time';

/**
 * What a case knows about the people and places in it. `pseudonymise` strips these however they
 * are written, and on top of them every identifier it recognises by its shape.
 */
export interface KnownIdentifiers {
  /** Full names: the tenant's, the referrer contacts', household members'. */
  readonly names?: readonly string[];
  /** Street addresses as recorded ("Kerkstraat 12 bus 3"). */
  readonly addresses?: readonly string[];
  /** Municipalities and other place names. */
  readonly places?: readonly string[];
  readonly postalCodes?: readonly string[];
  readonly phones?: readonly string[];
  readonly emails?: readonly string[];
  /** Case references and other file numbers. */
  readonly references?: readonly string[];
}

/** The readable Dutch placeholder put in place of each kind of identifier. */
export const PLACEHOLDERS = {
  name: '[naam]',
  address: '[adres]',
  place: '[gemeente]',
  postalCode: '[postcode]',
  phone: '[telefoon]',
  email: '[e-mail]',
  handle: '[account]',
  link: '[link]',
  nationalNumber: '[rijksregisternummer]',
  bankAccount: '[rekeningnummer]',
  caseReference: '[dossiernummer]',
  number: '[nummer]',
} as const;

export type IdentifierKind = keyof typeof PLACEHOLDERS;

/** The stripped text and how many identifiers of each kind were replaced (dates included). */
export interface PseudonymisedText {
  readonly text: string;
  readonly replaced: Readonly<Partial<Record<IdentifierKind | 'date', number>>>;
}

// ---------------------------------------------------------------------------------------------
// Replacements are parked in a vault and stand in the text as a sentinel made of private-use
// characters (no letter, digit or space), so that a later pass never matches inside an earlier
// replacement, and the relative times a date became are not taken for numbers or names.

const OPEN = '\uE000';
const CLOSE = '\uE001';
const DIGIT_ZERO = 0xe010;
const SENTINEL = /\uE000([\uE010-\uE019]+)\uE001/gu;
const PRIVATE_USE = /[\uE000-\uE0FF]/gu;

class Vault {
  private readonly items: Array<{ text: string; kind: IdentifierKind | 'date' }> = [];
  readonly counts: Partial<Record<IdentifierKind | 'date', number>> = {};

  put(kind: IdentifierKind | 'date', text: string = PLACEHOLDERS[kind as IdentifierKind]): string {
    this.items.push({ text, kind });
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    const index = String(this.items.length - 1)
      .split('')
      .map((d) => String.fromCharCode(DIGIT_ZERO + Number(d)))
      .join('');
    return `${OPEN}${index}${CLOSE}`;
  }

  kindAt(sentinel: string): IdentifierKind | 'date' | undefined {
    const match = /^\uE000([\uE010-\uE019]+)\uE001$/u.exec(sentinel);
    return match ? this.items[indexOf(match[1]!)]?.kind : undefined;
  }

  open(text: string): string {
    return text.replace(SENTINEL, (_m, digits: string) => this.items[indexOf(digits)]!.text);
  }
}

function indexOf(digits: string): number {
  return Number([...digits].map((c) => String(c.charCodeAt(0) - DIGIT_ZERO)).join(''));
}

// ---------------------------------------------------------------------------------------------
// Building blocks of the patterns.

const W = WORD_CHARS;
/** Not inside a word or number. */
const START = `(?<![${W}])`;
const END = `(?![${W}])`;
/** Not inside a longer number (digits joined by a separator count as one number). */
const NUM_START = `(?<!\\p{N}|\\p{N}[ \\t]{0,2}[./-][ \\t]{0,2})`;
const NUM_END = `(?!\\p{N}|[ \\t]{0,2}[./-][ \\t]{0,2}\\p{N})`;
/** A date written in digits is not part of a longer run of numbers ("0470 12/03" is a phone number). */
const DATE_START = `(?<!\\p{N}[ \\t./-]{0,3})`;
/** What separates the digits of a phone or register number: spaces, dots, slashes, hyphens. */
const SEP = `[ \\t\\u00a0./-]{0,3}`;

function re(source: string, flags = 'gu'): RegExp {
  return new RegExp(source, flags);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitaliseLike(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['januari', 'january', 'janvier', 'janv', 'jan']],
  [2, ['februari', 'february', 'février', 'fevrier', 'févr', 'fevr', 'febr', 'feb', 'fév', 'fev']],
  [3, ['maart', 'march', 'mars', 'mrt', 'mar']],
  [4, ['april', 'avril', 'apr', 'avr']],
  [5, ['mei', 'may', 'mai']],
  [6, ['juni', 'june', 'juin', 'jun']],
  [7, ['juli', 'july', 'juillet', 'juil', 'jul']],
  [8, ['augustus', 'august', 'août', 'aout', 'aug']],
  [9, ['september', 'septembre', 'sept', 'sep']],
  [10, ['oktober', 'october', 'octobre', 'okt', 'oct']],
  [11, ['november', 'novembre', 'nov']],
  [12, ['december', 'décembre', 'decembre', 'déc', 'dec']],
];
const MONTH_OF = new Map(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));
const MONTH_NAME = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const WEEKDAY = `(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ma|di|wo|do|vr|za|zo)\\.?,?\\s+`;
const DAY = `(0?[1-9]|[12]\\d|3[01])`;
const MONTH_NUMBER = `(0?[1-9]|1[0-2])`;
/** Words before a date that a relative time makes superfluous ("op 3 maart" → "ongeveer …"). */
const DATE_PREPOSITION = `(?:${START}(?:op|in|rond|omstreeks|per|d\\.d\\.|dd\\.?|den|le|on)[ \\t]+)?`;

function monthOf(name: string): number {
  return MONTH_OF.get(name.toLowerCase())!;
}

/** Street name endings that make a street on their own ("kerkstraat", "Koning Albertlaan"). */
const STRONG_STREET = ['straat', 'straatje', 'laan', 'lei', 'plein', 'pleintje', 'dreef', 'steenweg', 'kaai', 'kade', 'singel', 'vest', 'dries', 'kouter', 'wegel', 'gracht', 'boulevard', 'avenue', 'square'];
/** Endings that are everyday words too ("onderweg", "woningmarkt"): a street only with a capital and a number. */
const WEAK_STREET = ['weg', 'baan', 'markt', 'hof', 'dijk', 'dam', 'park', 'plaats', 'berg', 'veld', 'velden', 'wijk', 'ring', 'pad', 'hoek', 'heide', 'akker', 'meers', 'brug', 'dorp', 'beek', 'donk', 'gaarde', 'hoven', 'poort', 'molen', 'zijde', 'kant', 'dal', 'put', 'hei', 'bos', 'kerkhof', 'statie', 'hage', 'erf', 'werf', 'wal'];

// ---------------------------------------------------------------------------------------------
// Names and titles.

/** Titles and salutations: the capitalised words after one are a name. */
const TITLES: ReadonlySet<string> = new Set(
  ['mevrouw', 'mevr', 'mvr', 'mw', 'mevrouwe', 'madame', 'mme', 'mademoiselle', 'mlle', 'meneer', 'mijnheer', 'menheer', 'mr', 'mnr', 'dhr', 'heer', 'monsieur', 'juffrouw', 'juf', 'dokter', 'dr', 'drs', 'prof', 'professor', 'meester', 'notaris', 'advocaat', 'advocate', 'pastoor', 'ir', 'ing', 'mrs', 'ms', 'miss', 'mister', 'sir'].map(fold),
);

/** Words for people around the tenant: a capitalised word right after one is their name ("haar zoon Kevin"). */
const RELATIONS: ReadonlySet<string> = new Set(
  [
    'zoon', 'zoontje', 'dochter', 'dochtertje', 'kind', 'kindje', 'baby', 'broer', 'broertje', 'zus', 'zusje', 'zuster', 'moeder', 'vader', 'mama', 'papa', 'mams',
    'paps', 'oma', 'opa', 'grootmoeder', 'grootvader', 'partner', 'vriend', 'vriendin', 'lief', 'echtgenoot', 'echtgenote', 'man', 'vrouw', 'ex', 'expartner',
    'buurman', 'buurvrouw', 'nonkel', 'oom', 'tante', 'neef', 'nicht', 'kleinzoon', 'kleindochter', 'schoonzoon', 'schoondochter', 'schoonmoeder', 'schoonvader',
    'stiefvader', 'stiefmoeder', 'stiefzoon', 'stiefdochter', 'pleegkind', 'pleegzoon', 'pleegdochter', 'collega', 'huisbaas', 'eigenaar', 'genaamd', 'heet',
    'heten', 'alias', 'bijnaam', 'contactpersoon', 'bewindvoerder', 'huisarts', 'psychiater', 'psycholoog', 'begeleider', 'begeleidster', 'maatschappelijk',
    'assistent', 'assistente', 'werker', 'werkster', 'consulent', 'consulente', 'wijkagent', 'agent', 'deurwaarder', 'vrederechter', 'rechter', 'verhuurder',
    'huurder', 'huurster', 'bewoner', 'bewoonster', 'cliënt', 'client', 'cliënte', 'kennis', 'meter', 'peter', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'fils', 'fille',
  ].map(fold),
);

/** Everyday words that never are the name after a title written in lower case ("mevrouw is …"). */
const COMMON_WORDS: ReadonlySet<string> = new Set(
  [
    'de', 'het', 'een', 'en', 'of', 'is', 'was', 'zijn', 'haar', 'hij', 'zij', 'ze', 'we', 'wij', 'jij', 'je', 'u', 'uw', 'heeft', 'had', 'hebben', 'wil', 'wilde',
    'kan', 'kon', 'moet', 'moest', 'zal', 'zou', 'gaat', 'ging', 'komt', 'kwam', 'zegt', 'zei', 'vindt', 'vond', 'woont', 'woonde', 'belt', 'belde', 'niet',
    'nog', 'al', 'ook', 'wel', 'dan', 'maar', 'want', 'dus', 'die', 'dat', 'deze', 'dit', 'daar', 'hier', 'er', 'met', 'van', 'voor', 'na', 'naar', 'bij', 'op',
    'in', 'uit', 'aan', 'over', 'om', 'tot', 'te', 'zich', 'zelf', 'weer', 'nu', 'toen', 'als', 'krijgt', 'kreeg', 'wordt', 'werd', 'blijft', 'bleef', 'staat',
    'stond', 'ligt', 'lag', 'vraagt', 'vroeg', 'heeft', 'liet', 'laat', 'kwam', 'zelf', 'graag', 'erg', 'heel', 'zeer', 'soms', 'vaak', 'nooit', 'altijd',
    'gisteren', 'vandaag', 'morgen', 'reageert', 'antwoordt', 'weet', 'wist', 'denkt', 'dacht', 'meent', 'toont', 'gaf', 'geeft', 'ziet', 'zag', 'opende',
    'opent', 'sprak', 'spreekt', 'werkt', 'werkte', 'betaalt', 'betaalde', 'and', 'the', 'et', 'les', 'est',
  ].map(fold),
);

interface Span {
  start: number;
  end: number;
  kind: IdentifierKind;
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
/** Two capitals or more in a short word: GMH, OCMW, BvT, CAW. */
const isAcronym = (word: string): boolean => word.length <= 5 && (word.match(/\p{Lu}/gu) ?? []).length >= 2;
/** A lower-case word that can be a name: letters only, not an everyday word, not a particle. */
const isNameWord = (word: string): boolean => /^\p{L}{2,}$/u.test(word) && !COMMON_WORDS.has(fold(word)) && !PARTICLES.has(fold(word)) && !TITLES.has(fold(word));
const isInitial = (word: string): boolean => /^\p{Lu}{1,2}$/u.test(word) || /^\p{Lu}\p{Ll}$/u.test(word);

/** After a known street: its house number, letter and box ("12", "12A", "12 bus 3", "12/3"). */
const HOUSE_NUMBER = re(
  `^(?:[ \\t]*,?[ \\t]*(?:nr\\.?|nummer|n°)?[ \\t]*\\d{1,4}(?:[ \\t]?[A-Za-z](?![${W}]))?(?:[ \\t]*(?:[-/]|bus|bte\\.?|boîte|b\\.|app\\.?|appartement)[ \\t]*[A-Za-z]?\\d{1,4}[A-Za-z]?(?![${W}]))?)`,
  'u',
);

/**
 * Known names, streets and places in the text, and names after a title or a word for a relative.
 * The longest run of adjacent words that matches a known key wins.
 */
function findNamedSpans(text: string, known: KnownIdentifiers): Span[] {
  const keyKinds = new Map<string, IdentifierKind>();
  const fuzzy: string[] = [];
  for (const place of known.places ?? []) for (const key of keysOf(place, { minPartLength: 4 })) keyKinds.set(key, 'place');
  for (const address of known.addresses ?? []) {
    // The street: the words of the address before its first number.
    const street = address.split(/\d/)[0] ?? '';
    if (partsOf(street).some(isSignificant)) {
      for (const key of keysOf(street, { minPartLength: 5 })) keyKinds.set(key, 'address');
    }
  }
  for (const name of known.names ?? []) {
    for (const key of keysOf(name)) keyKinds.set(key, 'name');
    for (const part of partsOf(name)) if (isSignificant(part) && fold(part).length >= 6) fuzzy.push(fold(part));
  }

  const tokens = tokenize(text);
  const gap = (i: number) => text.slice(tokens[i]!.end, tokens[i + 1]!.start);
  const spans: Span[] = [];

  // Names after a title ("mevrouw Peeters", "dhr. J. Peeters", "mevrouw peeters") or after a word
  // for a relative or a role ("haar zoon Kevin", "buurvrouw, Anja,").
  for (let i = 0; i < tokens.length - 1; i++) {
    const key = fold(tokens[i]!.text);
    const title = TITLES.has(key) && /^\.?[ \t\u00a0]+$/u.test(gap(i));
    const relation = !title && RELATIONS.has(key) && /^[ \t\u00a0]*,?[ \t\u00a0]+$/u.test(gap(i));
    if (!title && !relation) continue;
    const joined = (j: number) => j === i + 1 || isNameGap(gap(j - 1)) || (isInitial(tokens[j - 1]!.text) && /^\.[ \t]*$/u.test(gap(j - 1)));
    let last = -1;
    for (let j = i + 1; j < tokens.length && j <= i + 6 && joined(j); j++) {
      const word = tokens[j]!.text;
      const folded = fold(word);
      if (TITLES.has(folded)) break;
      if (isCapitalised(word)) {
        // After a role word, an acronym is an organisation ("de verhuurder GMH"), not a name.
        if (relation && isAcronym(word)) break;
        last = j;
        continue;
      }
      if (PARTICLES.has(folded) && j + 1 < tokens.length && isNameGap(gap(j))) {
        const next = tokens[j + 1]!.text;
        if (isCapitalised(next) || (title && last < 0 && isNameWord(next))) continue;
      }
      // A name written in lower case right after a title ("meneer peeters", "mevrouw van damme").
      if (title && last < 0 && isNameWord(word)) last = j;
      break;
    }
    if (last > i) spans.push({ start: tokens[i + 1]!.start, end: tokens[last]!.end, kind: 'name' });
  }

  // A name found after a title or a relative is stripped wherever else the text uses it
  // ("haar zoon Kevin … Kevin kwam niet").
  for (const span of [...spans]) {
    for (const part of partsOf(text.slice(span.start, span.end))) {
      if (isSignificant(part) && !keyKinds.has(fold(part))) keyKinds.set(fold(part), 'name');
    }
  }

  // The keys a run of words may be written as; the last word may carry a possessive ("Jans", "Peeters's").
  const candidates = (words: readonly string[]): string[] => {
    const joined = words.join('');
    const out = [fold(joined)];
    const bare = joined.replace(/['’]?s$/u, '');
    if (bare !== joined && fold(bare).length >= 2) out.push(fold(bare));
    return out;
  };

  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    let kind: IdentifierKind | undefined;
    for (let size = Math.min(6, tokens.length - i); size >= 1 && !matched; size--) {
      let joinable = true;
      for (let k = i; k < i + size - 1; k++) if (!isNameGap(gap(k))) joinable = false;
      if (!joinable) continue;
      const words = tokens.slice(i, i + size).map((t) => t.text);
      const found = candidates(words)
        .map((key) => keyKinds.get(key))
        .find((k) => k !== undefined);
      if (found) {
        matched = size;
        kind = found;
      } else if (size === 1) {
        // One typo or swapped letter in a longer name ("Janssesn", "Dierckx" for "Dierickx").
        const key = fold(words[0]!);
        if (key.length >= 6 && fuzzy.some((f) => withinOneEdit(f, key))) {
          matched = 1;
          kind = 'name';
        }
      }
    }
    if (matched && kind) {
      let end = tokens[i + matched - 1]!.end;
      if (kind === 'address') end += HOUSE_NUMBER.exec(text.slice(end))?.[0].length ?? 0;
      // A possessive apostrophe right after the name goes with it ("Peeters' woning").
      if (kind === 'name') end += /^['’](?![\p{L}])/u.exec(text.slice(end))?.[0].length ?? 0;
      spans.push({ start: tokens[i]!.start, end, kind });
      i += matched;
    } else {
      i += 1;
    }
  }

  return mergeNameSpans(text, tokens, spans);
}

/**
 * Name spans grow over what belongs to the name: particles and initials before it ("Van den",
 * "J."), a capitalised middle name between two parts ("Jan Pieter Peeters"); spans that touch
 * become one.
 */
function mergeNameSpans(text: string, tokens: Token[], spans: Span[]): Span[] {
  const tokenAt = (pos: number) => tokens.findIndex((t) => t.start === pos);
  const tokenEndingAt = (pos: number) => tokens.findIndex((t) => t.end === pos);
  for (const span of spans) {
    if (span.kind !== 'name') continue;
    let first = tokenAt(span.start);
    while (first > 0) {
      const before = tokens[first - 1]!;
      const between = text.slice(before.end, tokens[first]!.start);
      // Only a capitalised particle: "Van Damme" is a name, "vraag van [naam]" keeps its "van".
      const particle = PARTICLES.has(fold(before.text)) && isCapitalised(before.text);
      if ((particle && isNameGap(between)) || (isInitial(before.text) && /^\.[ \t]*$/u.test(between))) {
        first -= 1;
        span.start = before.start;
      } else break;
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous && span.start < previous.end) {
      previous.end = Math.max(previous.end, span.end);
      continue;
    }
    if (previous && previous.kind === 'name' && span.kind === 'name') {
      const between = text.slice(previous.end, span.start);
      const lastOfPrevious = tokenEndingAt(previous.end);
      const middle = lastOfPrevious >= 0 ? tokens[lastOfPrevious + 1] : undefined;
      const touching = isNameGap(between) || /^\.[ \t]*$/u.test(between);
      const middleName =
        middle !== undefined &&
        middle.start > previous.end &&
        middle.end < span.start &&
        isCapitalised(middle.text) &&
        isNameGap(text.slice(previous.end, middle.start)) &&
        isNameGap(text.slice(middle.end, span.start));
      if (touching || middleName) {
        previous.end = span.end;
        continue;
      }
    }
    merged.push({ ...span });
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------

/**
 * Strips a text of what identifies a tenant or the people around them, for peer consultation:
 * the case's `known` identifiers however they are written, and by their shape every national
 * register number, phone number, e-mail address, IBAN, street address, postal code with its
 * place, link, file number and date. Dates become times relative to `referenceDate`
 * (`YYYY-MM-DD`): "12/03/2024" → "ongeveer 3 maanden eerder".
 *
 * Names it does not know are stripped only after a title or salutation ("mevrouw X", "dhr. X")
 * or a word for a relative ("haar zoon X"); a stranger's name at the start of a sentence is not
 * recognised — the author reads the result before sharing it.
 *
 * Running it again on its own output changes nothing.
 */
export function pseudonymise(text: string, known: KnownIdentifiers, referenceDate: string): string {
  return pseudonymiseDetailed(text, known, referenceDate).text;
}

export function pseudonymiseDetailed(input: string, known: KnownIdentifiers, referenceDate: string): PseudonymisedText {
  // A replacement can bring words together that only then read as an identifier (a street name
  // glued to a date); the passes repeat until nothing changes, so a second save changes nothing.
  let text = input;
  const replaced: Partial<Record<IdentifierKind | 'date', number>> = {};
  for (let round = 0; round < 4; round++) {
    const result = strip(text, known, referenceDate);
    for (const [kind, n] of Object.entries(result.replaced) as Array<[IdentifierKind | 'date', number]>) replaced[kind] = (replaced[kind] ?? 0) + n;
    if (result.text === text) break;
    text = result.text;
  }
  return { text, replaced };
}

/** One round of every pass. */
function strip(input: string, known: KnownIdentifiers, referenceDate: string): PseudonymisedText {
  const reference = parseIsoDay(referenceDate);
  const vault = new Vault();
  let text = input.replace(PRIVATE_USE, '');

  /** Replaces every match of `pattern` that `accept` (given the match, where it is, the whole text) takes. */
  const replace = (pattern: RegExp, kind: IdentifierKind, accept?: (match: string, offset: number, whole: string) => boolean) => {
    text = text.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const at = args.findIndex((a, i) => i > 0 && typeof a === 'number');
      return !accept || accept(match, args[at] as number, args[at + 1] as string) ? vault.put(kind) : match;
    });
  };

  // 1. What the case knows, in the exact forms that patterns might not recognise.
  for (const email of nonEmpty(known.emails)) replace(re(escapeRegex(email), 'giu'), 'email');
  for (const phone of nonEmpty(known.phones)) {
    const digits = phone.replace(/\D/g, '').replace(/^(?:00)?32/, '').replace(/^0/, '');
    if (digits.length >= 6) {
      replace(re(`(?<!\\p{N})(?:(?:\\+|00)[ \\t]?32[ \\t]?(?:\\(0\\)[ \\t]?)?|0[ \\t]?)?${digits.split('').join('[ \\t\\u00a0./()-]{0,3}')}(?!\\p{N})`), 'phone');
    }
  }
  for (const reference of nonEmpty(known.references)) {
    const pieces = reference.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (pieces.length > 0) replace(re(`${START}${pieces.map(escapeRegex).join('[ \\t/._-]?')}${END}`, 'giu'), 'caseReference');
  }

  // 2. Addresses on the internet, e-mail included ("jan.peeters+huur@telenet.be", "jan (at) mail (dot) be").
  replace(
    re(`(?<![${W}._%+-])[${W}._%+-]+(?:@|[ \\t]?[\\[({][ \\t]?(?:at|apenstaartje)[ \\t]?[\\])}][ \\t]?)[${W}-]+(?:(?:\\.|[ \\t]?[\\[({][ \\t]?(?:dot|punt)[ \\t]?[\\])}][ \\t]?)[${W}-]+)+`, 'giu'),
    'email',
  );
  text = text.replace(/(?:https?:\/\/|www\.)[^\s<>"'\uE000-\uE0FF]+/giu, (match) => {
    const trailing = /[.,;:!?)\]]+$/u.exec(match)?.[0] ?? '';
    return vault.put('link') + trailing;
  });
  replace(re(`(?<![${W}@.])[${W}-]+(?:\\.[${W}-]+)*\\.(?:be|com|net|org|eu|nl|fr|de|lu|uk|info|io|me|app|online|site|tv|co)${END}(?:/[^\\s<>"'\\uE000-\\uE0FF]*[^\\s<>"'.,;:!?)\\uE000-\\uE0FF])?`, 'giu'), 'link');
  replace(re(`(?<![${W}.])@[\\p{L}\\p{N}_.]{2,}[\\p{L}\\p{N}_]`), 'handle');

  // 3. Bank accounts: IBAN of any country (with spaces or not), the old Belgian 000-0000000-00.
  replace(
    re(`(?<![\\p{L}])[A-Za-z]{2}\\d{2}(?:[ \\t.-]?(?=[A-Za-z]{0,3}\\d)[A-Za-z0-9]{4}|[ \\t.-]?[A-Z]{4}){2,7}(?:[ \\t.-]?(?=[A-Za-z]{0,2}\\d)[A-Za-z0-9]{1,3})?${END}`),
    'bankAccount',
    (match) => match.replace(/[^A-Za-z0-9]/g, '').length >= 14 && (match.match(/\d/g) ?? []).length >= 8,
  );
  replace(re(`${NUM_START}\\d{3}-\\d{7}-\\d{2}${NUM_END}`), 'bankAccount');

  // 4. Belgian phone numbers with the country code (+32, 0032): 13 digits, longer than a national register number.
  replace(re(`(?<![${W}+])(?:\\+|00)[ \\t]?32[ \\t]?(?:\\(0\\)[ \\t]?)?(?:4(?:${SEP}\\d){8}|[1-9](?:${SEP}\\d){7})${NUM_END}`), 'phone');

  // National register numbers (rijksregisternummer, also BIS): yy.mm.dd-xxx.cc, 11 digits, any
  // separators, glued to letters or not; before phone numbers, so that "00.00.01-…" is not taken
  // for a phone number with the international prefix 00.
  replace(re(`(?<!\\p{N}|\\p{N}[ \\t./-]|\\+)\\d{2}${SEP}\\d{2}${SEP}\\d{2}${SEP}\\d{3}${SEP}\\d{2}${NUM_END}`), 'nationalNumber');

  // 5. Phone numbers with another country code.
  replace(re(`(?<![${W}+])(?:\\+|00)[ \\t]?[1-9]\\d{0,2}(?:${SEP}\\(?\\d+\\)?){1,6}${NUM_END}`), 'phone', (match) => {
    const digits = match.replace(/\D/g, '').length;
    return digits >= 9 && digits <= 15;
  });

  // 6. Street addresses (before dates: "Zandstraat 5/2" is no date): Dutch street names with or without
  // a house number, French ones with a number.
  const streetNumber = `(?:[ \\t]*,?[ \\t]*(?:nr\\.?|n°)?[ \\t]*\\d{1,4}(?:[ \\t]?[A-Za-z](?![${W}]))?(?:[ \\t]*(?:[-/]|bus|bte\\.?|boîte|b\\.|app\\.?|appartement)[ \\t]*[A-Za-z]?\\d{1,4}[A-Za-z]?(?![${W}]))?)`;
  const before = `(?:(?:\\p{Lu}[\\p{L}'’.-]*|van|de|der|den|het|ter|ten|'t|sint|st\\.)[ \\t]+){0,3}`;
  replace(re(`${START}${before}[\\p{L}'’-]{2,}(?:${STRONG_STREET.join('|')})${END}${streetNumber}?`, 'gu'), 'address');
  replace(re(`${START}${before}[\\p{L}'’-]{2,}(?:str|stwg|stw)\\.${streetNumber}`, 'gu'), 'address');
  // A weak suffix ("-weg", "-markt", "-hof") makes a street only with a capital and a house number: "Grote Markt 1", "Heideweg 3".
  const weak = [...WEAK_STREET, ...WEAK_STREET.map((w) => w.charAt(0).toUpperCase() + w.slice(1))];
  replace(re(`${START}${before}(?:\\p{Lu}[\\p{L}'’-]*(?:${WEAK_STREET.join('|')})|${weak.filter((w) => /^\p{Lu}/u.test(w)).join('|')})${END}${streetNumber}`, 'gu'), 'address');
  replace(
    re(`${START}(?:rue|avenue|av\\.|chaussée|chaussee|boulevard|bd\\.?|place|square|allée|allee|quai|impasse|clos|drève|dreve)[ \\t]+(?:[\\p{L}'’.-]+[ \\t]+){0,4}?\\d{1,4}[A-Za-z]?(?:[ \\t]*(?:bte|bus|boîte|/)[ \\t]*\\d{1,4})?${END}`, 'giu'),
    'address',
  );

  // 7. Dates become relative times.
  text = replaceDates(text, reference, vault);

  // 8. Belgian phone numbers without country code: mobile 04xx xx xx xx (10 digits), landline 0x xxx xx xx (9 digits).
  replace(
    re(`(?<![${W}+]|\\p{N}[ \\t./-])(?:(?:\\([ \\t]?0[ \\t]?4\\d{2}[ \\t]?\\)|0[ \\t]?4(?:${SEP}\\d){2})(?:${SEP}\\d){6}|(?:\\([ \\t]?0\\d{1,2}[ \\t]?\\)|0\\d)(?:${SEP}\\d){6,7})${NUM_END}`),
    'phone',
    (match) => {
      const digits = match.replace(/\D/g, '').length;
      return digits === 9 || digits === 10;
    },
  );

  // 9. A postal code with its place ("9120 Beveren", "B-9100 Sint-Niklaas"); known postal codes alone.
  replace(re(`${START}(?:B[ \\t]?-[ \\t]?)?[1-9]\\d{3}[ \\t]+\\p{Lu}[\\p{L}'’]*(?:[ \\t-](?:(?:aan|op|bij|sur|de|la|le|ter)[ \\t-])?\\p{Lu}[\\p{L}'’]*){0,2}${END}`), 'place');
  for (const code of nonEmpty(known.postalCodes)) replace(re(`(?<!\\p{N})${escapeRegex(code.trim())}(?!\\p{N})`), 'postalCode');

  // 10. Other identifiers: file, client and card numbers, number plates, long digit runs (not amounts).
  text = text.replace(
    re(
      `(${START}(?:klantnummer|klantnr|dossiernummer|dossiernr|dossier|referentie|ref|kenmerk|polisnummer|polis|contractnummer|kaartnummer|ondernemingsnummer|btw-nummer|btw|identiteitskaart|paspoort|nummerplaat|klant)\\.?[ \\t]*[:#]?[ \\t]*)((?:[A-Za-z]{1,4}[ \\t./-]?)?\\d[A-Za-z0-9]*(?:[./-][A-Za-z0-9]+|[ \\t]\\d[A-Za-z0-9]*)*)`,
      'giu',
    ),
    (_m, label: string, _value: string) => `${label}${vault.put('number')}`,
  );
  replace(re(`${START}[1-9]-?[A-Z]{3}-?\\d{3}${END}`), 'number');
  replace(re(`(?<![${W}]|\\p{N}[.,])\\d(?:[./-]?\\d){5,}(?![${W}]|[.,]\\p{N})`), 'number', (match, at, whole) => !isAmount(match, at, whole));

  // 11. Known names, streets and places however written, and names after titles and relatives.
  const spans = findNamedSpans(text, known);
  for (const span of [...spans].reverse()) text = text.slice(0, span.start) + vault.put(span.kind) + text.slice(span.end);

  // Two names next to each other are one person's ("[naam] [naam]" → "[naam]").
  text = text.replace(re(`(${OPEN}[\\uE010-\\uE019]+${CLOSE})(?:[ \\t]*[-‐–]?[ \\t]*(${OPEN}[\\uE010-\\uE019]+${CLOSE}))+`), (match: string) => {
    const parts = match.match(/\uE000[\uE010-\uE019]+\uE001/gu) ?? [];
    return parts.every((p) => vault.kindAt(p) === 'name') ? parts[0]! : match;
  });

  const output = vault.open(text).replace(/\[naam\](?:[ \t]*[-‐–]?[ \t]*\[naam\])+/gu, '[naam]');
  return { text: output, replaced: { ...vault.counts } };
}

function nonEmpty(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((v) => v.trim()).filter((v) => v.length > 0);
}

/** "1.250.000" (thousands separated) or a number with euro next to it is an amount, not an identifier. */
function isAmount(match: string, at: number, whole: string): boolean {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(match)) return true;
  return /(?:€|\beur|\beuro)[ \t]*$/iu.test(whole.slice(Math.max(0, at - 8), at)) || /^[ \t]*(?:€|eur\b|euro)/iu.test(whole.slice(at + match.length));
}

/** Every date the text writes, as a relative time. */
function replaceDates(input: string, reference: CalendarDay, vault: Vault): string {
  let text = input;
  const put = (original: string, relative: string) => vault.put('date', capitaliseLike(original, relative));
  const dayOrKeep = (original: string, day: CalendarDay): string => (isValidDay(day) ? put(original, relativeDay(day, reference)) : vault.put('date', '[datum]'));
  const year4or2 = (y: string): number => (y.length === 4 ? Number(y) : fullYear(Number(y), reference));

  // ISO and year-first: 2024-03-12, 2024/03/12, with a time.
  text = text.replace(
    re(`${DATE_PREPOSITION}${DATE_START}((?:19|20)\\d{2})([-/.])${MONTH_NUMBER}\\2${DAY}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?${NUM_END}`, 'giu'),
    (m, y: string, _s: string, mo: string, d: string) => dayOrKeep(m, { year: Number(y), month: Number(mo), day: Number(d) }),
  );
  // Day first, numeric: 12/03/2024, 12-3-24, 12.03.2024.
  text = text.replace(
    re(`${DATE_PREPOSITION}(?:${START}${WEEKDAY})?${DATE_START}°?${DAY}([-/.])${MONTH_NUMBER}\\2((?:19|20)\\d{2}|\\d{2})${NUM_END}`, 'giu'),
    (m, d: string, _s: string, mo: string, y: string) => dayOrKeep(m, { year: year4or2(y), month: Number(mo), day: Number(d) }),
  );
  // Day and month in words, year optional: 3 maart 2024, op 3 mrt. '24, maandag 3 maart, 1ste mei.
  text = text.replace(
    re(`${START}${DATE_PREPOSITION}(?:${START}${WEEKDAY})?${DAY}(?:ste|de|e|er|st|nd|rd|th)?\\.?[ \\t]+(?:van[ \\t]+)?${MONTH_NAME}(?:,?[ \\t]+(?:((?:19|20)\\d{2})|['’](\\d{2})))?${END}`, 'giu'),
    (m, d: string, month: string, y4: string | undefined, y2: string | undefined) => {
      const mo = monthOf(month);
      const year = y4 ? Number(y4) : y2 ? fullYear(Number(y2), reference) : nearestYear(mo, Number(d), reference);
      return dayOrKeep(m, { year, month: mo, day: Number(d) });
    },
  );
  // Month first with a day and year, as English writes it: March 3, 2024.
  text = text.replace(re(`${START}${DATE_PREPOSITION}${MONTH_NAME}[ \\t]+${DAY}(?:st|nd|rd|th)?,?[ \\t]+((?:19|20)\\d{2})${END}`, 'giu'), (m, month: string, d: string, y: string) =>
    dayOrKeep(m, { year: Number(y), month: monthOf(month), day: Number(d) }),
  );
  // Month and year: maart 2024, in mei '23, eind december 2023.
  text = text.replace(
    re(`${START}${DATE_PREPOSITION}(?:(?:begin|eind|einde|midden|medio|half|half-|begin-|eind-)[ \\t]*)?${MONTH_NAME}[ \\t]*,?[ \\t]+(?:((?:19|20)\\d{2})|['’](\\d{2}))${END}`, 'giu'),
    (m, month: string, y4: string | undefined, y2: string | undefined) => put(m, relativeMonth(y4 ? Number(y4) : fullYear(Number(y2), reference), monthOf(month), reference)),
  );
  // Day and month in digits without a year: 12/3, op 12/03 (a slash only: "2-3 keer" is no date).
  text = text.replace(re(`${DATE_PREPOSITION}(?:${START}${WEEKDAY})?${DATE_START}${DAY}/${MONTH_NUMBER}(?!\\p{N}|[./-]\\p{N}|[ \\t]*(?:%|van|deel)(?![\\p{L}]))`, 'giu'), (m, d: string, mo: string) =>
    dayOrKeep(m, { year: nearestYear(Number(mo), Number(d), reference), month: Number(mo), day: Number(d) }),
  );
  // A year after a word that makes it a time ("sinds 2019", "geboren in 1956", "° 1956").
  text = text.replace(
    re(`${START}(in|sinds|sedert|vanaf|tot|voor|vóór|na|begin|eind|einde|midden|medio|zomer|winter|lente|herfst|najaar|voorjaar|geboren|geb\\.|jaar|rond|omstreeks|anno|van|uit|since|°)[ \\t]*((?:19|20)\\d{2})${NUM_END}(?![${W}])`, 'giu'),
    (m, word: string, y: string) => {
      const relative = relativeYear(Number(y), reference);
      const dropped = ['in', 'rond', 'omstreeks', 'anno'].includes(word.toLowerCase());
      return dropped ? put(m, relative) : `${word}${word === '°' ? '' : ' '}${vault.put('date', relative)}`;
    },
  );
  return text;
}
