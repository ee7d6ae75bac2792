/**
 * The PDF's built-in fonts (Helvetica) draw the Windows-1252 ("WinAnsi") characters only; any
 * other character would come out as garbage and shift the rest of its line. Letters outside it
 * are written without their accent when they have one (ő → o), a few by hand (Ł → L), anything
 * else as `?` — so that a name like "Łukasz Wróbel" stays readable on paper.
 */

/** The characters Windows-1252 has in 0x80–0x9F, besides Latin-1 (0x20–0x7E, 0xA0–0xFF). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const BY_HAND: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  '\u2011': '-',
  '\u2010': '-',
  '\u2212': '-',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200b': '',
};

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/** The text with every character the built-in fonts cannot draw replaced (see above). */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?|\t/g, (m) => (m === '\t' ? ' ' : '\n'))) {
    if (isWinAnsi(ch)) {
      out += ch;
    } else if (ch in BY_HAND) {
      out += BY_HAND[ch];
    } else {
      const bare = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += bare.length > 0 && [...bare].every(isWinAnsi) ? bare : '?';
    }
  }
  return out;
}
