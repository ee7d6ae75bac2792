/**
 * Money in the budget loop is kept as whole euro cents (an integer), never as a float. People and
 * the API write it as a decimal euro string ("125.50"; on a Dutch form also "125,50"); pages show
 * it the Belgian way ("€ 125,50").
 */

/** The largest cost advance the OCMW can record: € 1.000.000,00 (also a database check). */
export const MAX_COST_ADVANCE_CENTS = 100_000_000;

/**
 * A decimal euro amount: digits, optionally a decimal point (or comma) and one or two decimals.
 * No sign, no thousands separators, no currency symbol: "1.234" is refused rather than guessed
 * (one euro and 234 thousandths, or one thousand two hundred and thirty-four?).
 */
export const EURO_AMOUNT_PATTERN = /^\d{1,12}(?:[.,]\d{1,2})?$/;

const EURO = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' });

/**
 * The amount in cents of a decimal euro string, or `null` when it is not written as
 * {@link EURO_AMOUNT_PATTERN} says. Whether the amount is allowed is {@link costAdvanceAmountProblem}'s.
 */
export function parseEuroAmount(text: string): number | null {
  const trimmed = text.trim();
  if (!EURO_AMOUNT_PATTERN.test(trimmed)) return null;
  const [euros, decimals = ''] = trimmed.split(/[.,]/) as [string, string?];
  const cents = Number(euros) * 100 + Number(decimals.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Why an amount in cents cannot be a cost advance (`TOO_SMALL`, `TOO_LARGE`, `INVALID_NUMBER`), or null. */
export function costAdvanceAmountProblem(cents: number): 'TOO_SMALL' | 'TOO_LARGE' | 'INVALID_NUMBER' | null {
  if (!Number.isSafeInteger(cents)) return 'INVALID_NUMBER';
  if (cents <= 0) return 'TOO_SMALL';
  if (cents > MAX_COST_ADVANCE_CENTS) return 'TOO_LARGE';
  return null;
}

/** "€ 125,50" (with a no-break space), the Belgian way, whatever the page language. */
export function formatEuro(cents: number): string {
  return EURO.format(cents / 100);
}
