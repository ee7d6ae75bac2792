/**
 * Numbers as the report shows them: Dutch (nl-BE) by default — decimal comma, a space before the
 * percent sign (`88 %`) — and English (`88%`, decimal point) on request.
 */
const DECIMAL: Record<string, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

function decimalFormat(lang: string): Intl.NumberFormat {
  return DECIMAL[lang] ?? DECIMAL.nl!;
}

/** A count or a number of days (at most one decimal): `12`, `183,5`, `1.234`. */
export function formatNumber(value: number, lang: string): string {
  return decimalFormat(lang).format(value);
}

/**
 * A whole percent: `88 %` in Dutch. `space` is the character between number and sign; pages use a
 * no-break space so that the sign never wraps onto its own line.
 */
export function formatPercent(value: number, lang: string, space = ' '): string {
  return lang === 'en' ? `${formatNumber(value, lang)}%` : `${formatNumber(value, lang)}${space}%`;
}
