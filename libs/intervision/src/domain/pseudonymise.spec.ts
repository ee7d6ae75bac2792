import fc from 'fast-check';
import { fold, isSignificant, partsOf, tokenize } from './name-matching';
import { pseudonymise, pseudonymiseDetailed, type KnownIdentifiers } from './pseudonymise';

/**
 * The stripping of identifiers for peer consultation, attacked with the ways people actually
 * write names, numbers, addresses and dates — and with random texts around random names.
 */

const REFERENCE = '2025-06-15';

const KNOWN: KnownIdentifiers = {
  names: ['Marie-Louise Van den Broeck-Dierickx', 'Sofie Janssens', 'Jef De Smet', 'Ahmed El Amrani', "Els D'Hondt"],
  addresses: ['Kerkstraat 12 bus 3'],
  places: ['Beveren'],
  postalCodes: ['9120'],
  phones: ['03 775 12 34', '0470 12 34 56'],
  emails: ['sofie.janssens@gmh.example'],
  references: ['2025-0042'],
};

/** Lower case, without diacritics: a leak written differently is still a leak. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

interface Sample {
  readonly input: string;
  /** Text that must be gone (compared without case and diacritics). */
  readonly gone: readonly string[];
  /** Text the result must contain (exactly). */
  readonly keeps?: readonly string[];
}

const SAMPLES: Readonly<Record<string, Sample>> = {
  // Known names, however written.
  'the tenant in lower case': { input: 'marie-louise van den broeck-dierickx belde gisteren', gone: ['marie', 'louise', 'broeck', 'dierickx'], keeps: ['[naam] belde gisteren'] },
  'the tenant in capitals': { input: 'MARIE-LOUISE VAN DEN BROECK kwam niet opdagen', gone: ['marie', 'louise', 'broeck'], keeps: ['[naam] kwam niet opdagen'] },
  'diacritics added': { input: 'Gesprek met Marié-Loüise Dièrickx over de woning.', gone: ['marie', 'louise', 'dierickx'], keeps: ['Gesprek met [naam] over de woning.'] },
  'a spelling that sounds the same': { input: 'Sophie Jansens van GMH belt terug.', gone: ['sophie', 'jansens'], keeps: ['[naam] van GMH belt terug.'] },
  'possessives': { input: "Janssens' collega en Dierickx's zus; Jefs broer; Broecks woning.", gone: ['janssens', 'dierickx', 'jef', 'broeck'] },
  'particles joined or split differently': { input: 'Vandenbroeck, VanDenBroeck en van den broeck zijn dezelfde.', gone: ['broeck'], keeps: ['zijn dezelfde.'] },
  'a double first name split or joined': { input: 'Marie Louise en Marielouise en marie - louise', gone: ['marie', 'louise'] },
  'a typo in a long name': { input: 'Mevr. Dierckx en Jansesns', gone: ['dierckx', 'jansesns'] },
  'a name with a particle written as one word': { input: 'Desmet en DE SMET en El-Amrani en elamrani', gone: ['smet', 'amrani'] },
  'initials before a surname': { input: 'Afspraak met J. De Smet en S. Janssens.', gone: ['smet', 'janssens', 'j. ', 's. '] },
  // Names the case does not know, after a title or a word for a relative.
  'unknown names after titles': { input: 'mevrouw Verstraeten, dhr. Claes, Mr. Peeters en mevr. van Acker', gone: ['verstraeten', 'claes', 'peeters', 'acker'] },
  'an unknown name in lower case after a title': { input: 'meneer wouters en mevrouw van damme kwamen langs', gone: ['wouters', 'damme'], keeps: ['kwamen langs'] },
  'relatives and neighbours': { input: 'Haar zoon Kevin en de buurvrouw, Anja, helpen; haar ex heet Dirk Maes.', gone: ['kevin', 'anja', 'dirk', 'maes'] },
  'a name learned after a relative, used again alone': { input: 'Haar zoon Kevin woont in. Kevin betaalt soms mee; kevin werkt niet.', gone: ['kevin'], keeps: ['Haar zoon [naam] woont in. [naam] betaalt soms mee'] },
  'a known name with an apostrophe, written without': { input: "Afspraak met mevrouw Dhondt (D'Hondt) en d' hondt.", gone: ['hondt'] },
  // National register numbers.
  'a national register number with separators': { input: 'RRN: 85.07.30-033.61.', gone: ['85.07.30', '033.61'], keeps: ['[rijksregisternummer]'] },
  'a national register number as 11 digits': { input: 'rijksregisternummer 85073003361 gekend', gone: ['85073003361'], keeps: ['[rijksregisternummer]'] },
  'a national register number with spaces': { input: 'nr 85 07 30 033 61 en 850730 033 61', gone: ['85 07 30', '850730', '033 61'] },
  'a national register number glued to text': { input: 'zie RRN85073003361voor de aanvraag', gone: ['85073003361'] },
  // Phone numbers.
  'a known phone number in another format': { input: 'bel 03/775.12.34 of +32 3 775 12 34', gone: ['775', '12.34', '12 34'], keeps: ['[telefoon]'] },
  'mobile numbers across formats': { input: '0476 12 34 56, 0476/12.34.56, 0476-123456, +32476123456, 0032 476 12 34 56', gone: ['476', '12 34', '123456'] },
  'landlines with a zone in brackets': { input: 'tel. (052) 12 34 56 of (03) 123 45 67', gone: ['052', '12 34 56', '123 45 67'] },
  'a foreign phone number': { input: 'zijn broer: +31 6 12345678', gone: ['12345678'], keeps: ['[telefoon]'] },
  // E-mail and the internet.
  'e-mail with a plus sign': { input: 'Mail naar sofie.janssens+huur@gmh.example of kevin_99@hotmail.com.', gone: ['sofie', 'janssens', 'kevin_99', 'hotmail', 'gmh.example'] },
  'an obfuscated e-mail address': { input: 'schrijf aan jef (at) telenet (dot) be', gone: ['telenet', 'jef'] },
  'links and handles': { input: 'profiel https://facebook.com/jan.peeters85, www.example.be/profiel?id=5 en @kevin.vdb', gone: ['facebook', 'peeters85', 'example.be', 'kevin.vdb'] },
  // Bank accounts.
  'IBANs with and without spaces, other countries': { input: 'BE68 5390 0754 7034, be68539007547034 en NL91 ABNA 0417 1643 00', gone: ['5390', '0754', '7034', '539007547034', 'abna', '0417'] },
  // Addresses.
  'the known address with a box number': { input: 'Woont Kerkstraat 12 bus 3 en vroeger kerk-straat 12.', gone: ['kerk', '12 bus 3', 'straat 12'] },
  'unknown street addresses': { input: 'Verhuisd naar Koning Albertlaan 7A, daarna Oude Zandstraat 5/2 en Grote Markt 1.', gone: ['albert', 'zand', 'markt', '7a', '5/2'] },
  'a street with box, abbreviation and French': { input: 'Heirbaan 123 bus 4, Molenstr. 8 en rue de la Loi 16 bte 4', gone: ['heirbaan', 'molen', 'loi', '123', ' 8', '16'] },
  'postal codes with a place, and the place alone': { input: '9120 Beveren, B-9100 Sint-Niklaas; ze woont in beveren (9120).', gone: ['beveren', '9120', '9100', 'niklaas'] },
  // Dates become relative times.
  'dates in numbers': { input: 'Huuropzeg op 12/03/2025, zitting 3-3-25, vonnis 2024-11-02.', gone: ['12/03', '2025', '3-3-25', '2024'], keeps: ['ongeveer 3 maanden eerder', 'ongeveer 7 maanden eerder'] },
  'dates in words': { input: 'Op 3 maart kwam de brief; in maart 2024 de eerste klacht; maandag 3 maart 2025 het bezoek.', gone: ['maart', '2024', '2025'], keeps: ['Ongeveer 3 maanden eerder kwam de brief', 'ongeveer 15 maanden eerder de eerste klacht'] },
  'a day and month without year': { input: 'Afspraak tegen 12/3 en op 1 juli.', gone: ['12/3', 'juli'], keeps: ['ongeveer 3 maanden eerder', '2 weken later'] },
  'abbreviated months and two-digit years': { input: 'Brief van 3 mrt. \'25 en mei \'23, March 3, 2025', gone: ['mrt', "'25", 'mei', "'23", 'march'] },
  'a birth date and year': { input: 'Geboren in 1956, °12.03.1985', gone: ['1956', '1985', '12.03'], keeps: ['Geboren ongeveer 69 jaar eerder'] },
  // File numbers and other identifiers.
  'the case reference in several forms': { input: 'Dossier 2025-0042 (ook 2025/0042 en 2025 0042).', gone: ['0042'] },
  'client numbers and number plates': { input: 'klantnummer 123 456 789, contractnummer AB-12345, nummerplaat 1-ABC-123, kaart 592123456789', gone: ['123 456 789', '12345', 'abc', '592123456789'] },
  'everything at once in one sentence': {
    input: 'Mevrouw Van den Broeck (°30/07/1985, RRN 85.07.30-033.61) woont Kerkstraat 12 bus 3, 9120 Beveren; gsm 0470 12 34 56; mail marielouise.vdb@telenet.be.',
    gone: ['broeck', '1985', '85.07.30', 'kerk', '9120', 'beveren', '0470', 'telenet', 'marielouise'],
  },
};

describe('pseudonymise: adversarial samples', () => {
  it('has at least 30 samples', () => {
    expect(Object.keys(SAMPLES).length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(SAMPLES))('strips %s', (_name, sample) => {
    const output = pseudonymise(sample.input, KNOWN, REFERENCE);
    const leaks = sample.gone.filter((text) => plain(output).includes(plain(text)));
    expect({ output, leaks }).toEqual({ output, leaks: [] });
    for (const kept of sample.keeps ?? []) expect(output).toContain(kept);
  });

  it('replaces with readable Dutch placeholders', () => {
    const output = pseudonymise(SAMPLES['everything at once in one sentence']!.input, KNOWN, REFERENCE);
    expect(output).toBe('Mevrouw [naam] (ongeveer 40 jaar eerder, RRN [rijksregisternummer]) woont [adres], [gemeente]; gsm [telefoon]; mail [e-mail].');
  });

  it('counts what it replaced, per kind', () => {
    const { replaced } = pseudonymiseDetailed('Jef De Smet belt 0470 12 34 56 op 3 maart over Kerkstraat 12.', KNOWN, REFERENCE);
    expect(replaced).toEqual({ name: 1, phone: 1, date: 1, address: 1 });
  });
});

describe('pseudonymise: what it leaves alone', () => {
  it('keeps amounts, counts, acronyms, everyday words and times', () => {
    const text =
      'Schuld van € 1.250 bij de energieleverancier en 1.250.000 euro in totaal; 2-3 keer per week; 3/4 van de kamers; OCMW en CAW; om 14:30 u; 3 maanden geleden; de huurder is weg, onderweg naar de woningmarkt.';
    expect(pseudonymise(text, KNOWN, REFERENCE)).toBe(text);
  });

  it('turns dates into times relative to the reference day, in both directions', () => {
    expect(pseudonymise('15/06/2025', {}, REFERENCE)).toBe('dezelfde dag');
    expect(pseudonymise('zitting op 20/06/2025', {}, REFERENCE)).toBe('zitting 5 dagen later');
    expect(pseudonymise('sinds 2019', {}, REFERENCE)).toBe('sinds ongeveer 6 jaar eerder');
    expect(pseudonymise('Op 1 februari 2026 volgt de uithuiszetting', {}, REFERENCE)).toBe('Ongeveer 8 maanden later volgt de uithuiszetting');
    expect(pseudonymise('31/02/2025', {}, REFERENCE)).toBe('[datum]');
  });

  it('never matches inside its own placeholders: a second run changes nothing', () => {
    for (const sample of Object.values(SAMPLES)) {
      const once = pseudonymise(sample.input, KNOWN, REFERENCE);
      expect(pseudonymise(once, KNOWN, REFERENCE)).toBe(once);
    }
  });

  it('drops characters the text could use to fake a placeholder', () => {
    expect(pseudonymise('a\uE000\uE010\uE001b', {}, REFERENCE)).toBe('ab');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: random names in random text never survive, whatever the case, diacritics or hyphens.

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'dex', 'vo', 'tul', 'sa', 'bri', 'nor', 'ix', 'gan', 'pe', 'lu', 'dro', 'wes', 'zy', 'fa', 'qui', 'hel'];
const FILLER = [
  'de', 'huurder', 'belde', 'gisteren', 'over', 'het', 'huis', 'en', 'de', 'vuilniszakken', 'in', 'tuin', 'afspraak', 'met', 'OCMW', 'volgende', 'week', 'zij', 'wil',
  'hulp', 'bij', 'poetsen', '.', ',', 'schuld', 'van', '€', '1.250', 'huur', 'twee', 'keer', 'per', 'maand', 'bezoek', 'verliep', 'goed', 'de', 'zoon', 'helpt',
];
const ACCENTED: Readonly<Record<string, string>> = { a: 'á', e: 'é', i: 'ï', o: 'ö', u: 'ü' };

const partArb = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }).map((s) => {
  const word = s.join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
});
const nameArb = fc.record({
  first: partArb,
  second: fc.option(partArb, { nil: undefined }),
  particle: fc.constantFrom('', 'Van ', 'De ', 'Van der ', 'El ', "D'", 'Mac'),
  last: partArb,
  double: fc.option(partArb, { nil: undefined }),
});
type NameShape = { first: string; second?: string; particle: string; last: string; double?: string };

function fullName(n: NameShape): string {
  return `${n.first}${n.second ? `-${n.second}` : ''} ${n.particle}${n.last}${n.double ? `-${n.double}` : ''}`;
}

/** How a text may write a part of the name. */
const writingArb = fc.constantFrom<(part: string) => string>(
  (p) => p,
  (p) => p.toLowerCase(),
  (p) => p.toUpperCase(),
  (p) => p.replace(/[aeiou]/, (v) => ACCENTED[v] ?? v),
  (p) => `${p}'s`,
  (p) => `${p}'`,
  (p) => (p.length > 3 ? `${p.slice(0, 2)}-${p.slice(2)}` : p),
);

describe('pseudonymise: properties', () => {
  it('random known names inserted in random text never survive', () => {
    fc.assert(
      fc.property(nameArb, fc.array(fc.constantFrom(...FILLER), { minLength: 3, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), writingArb, fc.nat()), { minLength: 1, maxLength: 6 }), (shape, filler, inserts) => {
        const name = fullName(shape);
        const parts = partsOf(name).filter(isSignificant);
        const words = [...filler];
        for (const [at, write, which] of inserts) {
          const part = parts[which % parts.length]!;
          words.splice(at % (words.length + 1), 0, write(part));
        }
        // The surname with its particle, joined or split differently than recorded ("Vanderkalo", "van der-kalo").
        const surname = `${shape.particle}${shape.last}`;
        words.push(surname.replace(/[\s']/g, ''), surname.toLowerCase().replace(/ (?=\S+$)/, '-'));
        words.splice(0, 0, name);
        const output = pseudonymise(words.join(' '), { names: [name] }, REFERENCE);
        const keys = new Set(parts.map(fold));
        const survivors = tokenize(output).filter((t) => keys.has(fold(t.text)) || keys.has(fold(t.text.replace(/['’]?s$/u, ''))));
        expect({ output, survivors }).toEqual({ output, survivors: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('Belgian mobile and landline numbers with any separators never survive', () => {
    const sep = fc.constantFrom('', ' ', '.', '/', '-', ' / ');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }), fc.array(sep, { minLength: 4, maxLength: 4 }), fc.boolean(), fc.constantFrom('0', '+32 ', '0032'), (digits, seps, mobile, prefix) => {
        const d = digits.join('');
        const number = mobile
          ? `${prefix}4${d.slice(0, 2)}${seps[0]}${d.slice(2, 4)}${seps[1]}${d.slice(4, 6)}${seps[2]}${d.slice(6, 8)}`
          : `${prefix}3${seps[0]}${d.slice(0, 3)}${seps[1]}${d.slice(3, 5)}${seps[2]}${d.slice(5, 7)}`;
        const output = pseudonymise(`Bel haar op ${number} na de middag.`, {}, REFERENCE);
        expect(output).toBe('Bel haar op [telefoon] na de middag.');
      }),
      { numRuns: 300 },
    );
  });

  it('national register numbers with any separators never survive', () => {
    const sep = fc.constantFrom('', ' ', '.', '-', '. ');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }), fc.array(sep, { minLength: 4, maxLength: 4 }), (digits, seps) => {
        const d = digits.join('');
        const number = `${d.slice(0, 2)}${seps[0]}${d.slice(2, 4)}${seps[1]}${d.slice(4, 6)}${seps[2]}${d.slice(6, 9)}${seps[3]}${d.slice(9)}`;
        const output = pseudonymise(`rijksregister ${number} gekend`, {}, REFERENCE);
        expect(output.replace(/\D/g, '')).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on random text with identifiers', () => {
    const piece = fc.constantFrom('Jef', 'De Smet', '0470 12 34 56', '12/03/2025', 'Kerkstraat 12', 'mevrouw', 'Peeters', '9120 Beveren', 'BE68 5390 0754 7034', ' ', ', ', '. ', 'op', '3', 'maart', '2024', 'zoon', 'Kevin', '-', "'s");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const once = pseudonymise(pieces.join(''), KNOWN, REFERENCE);
        expect(pseudonymise(once, KNOWN, REFERENCE)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
