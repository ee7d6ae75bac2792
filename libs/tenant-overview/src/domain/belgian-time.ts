/**
 * Times and days as the tenant reads them: Belgian time (Europe/Brussels), written out in the
 * page's language ("20 november 2026 om 14:05"). Only for display; rules use the Clock.
 */

const LOCALE_OF: Readonly<Record<string, string>> = { nl: 'nl-BE', en: 'en-GB' };

const momentFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function localeOf(lang: string): string {
  return LOCALE_OF[lang] ?? 'nl-BE';
}

/**
 * Plain spaces only: some locales put narrow or no-break spaces in times, which the PDF's
 * built-in fonts cannot draw and which a search for the text would not find.
 */
function plainSpaces(text: string): string {
  return text.replace(/[\s\u202f\u00a0]+/g, ' ');
}

/** An instant (ISO) as a Belgian date and time, e.g. `20 november 2026 om 14:05`. */
export function formatMoment(iso: string, lang: string): string {
  const locale = localeOf(lang);
  let format = momentFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });
    momentFormats.set(locale, format);
  }
  return plainSpaces(format.format(new Date(iso)));
}

/** A calendar day (`YYYY-MM-DD`) written out, e.g. `20 november 2026`; another text is returned as is. */
export function formatDay(day: string, lang: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const locale = localeOf(lang);
  let format = dayFormats.get(locale);
  if (!format) {
    // The day is a calendar date, not an instant: formatted at noon UTC, in UTC, it never shifts.
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return plainSpaces(format.format(new Date(`${day}T12:00:00Z`)));
}
