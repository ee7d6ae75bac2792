import { costAdvanceAmountProblem, EURO_AMOUNT_PATTERN, formatEuro, MAX_COST_ADVANCE_CENTS, parseEuroAmount } from './euro-amount';

describe('euro amounts', () => {
  it('parses a decimal euro string into whole cents, without floating-point error', () => {
    expect(parseEuroAmount('125.50')).toBe(12550);
    expect(parseEuroAmount('125.5')).toBe(12550);
    expect(parseEuroAmount('125')).toBe(12500);
    expect(parseEuroAmount('0.01')).toBe(1);
    expect(parseEuroAmount('0.29')).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(parseEuroAmount('1000000.00')).toBe(MAX_COST_ADVANCE_CENTS);
    expect(parseEuroAmount(' 42.10 ')).toBe(4210);
  });

  it('takes a decimal comma as a Dutch form writes it', () => {
    expect(parseEuroAmount('125,50')).toBe(12550);
    expect(parseEuroAmount('7,5')).toBe(750);
  });

  it('refuses what is not plainly an amount: signs, three decimals, separators, words, exponents', () => {
    for (const text of ['', ' ', '-5', '+5', '1.234', '1,234', '1.234,56', '1 000', 'abc', '12a', '€ 12', '1e6', '.5', '5.', 'NaN', 'Infinity', '0x10', '1234567890123']) {
      expect({ text, cents: parseEuroAmount(text) }).toEqual({ text, cents: null });
      expect(EURO_AMOUNT_PATTERN.test(text.trim())).toBe(false);
    }
  });

  it('allows a cost advance above zero and up to one million euro', () => {
    expect(costAdvanceAmountProblem(0)).toBe('TOO_SMALL');
    expect(costAdvanceAmountProblem(-1)).toBe('TOO_SMALL');
    expect(costAdvanceAmountProblem(1)).toBeNull();
    expect(costAdvanceAmountProblem(MAX_COST_ADVANCE_CENTS)).toBeNull();
    expect(costAdvanceAmountProblem(MAX_COST_ADVANCE_CENTS + 1)).toBe('TOO_LARGE');
    expect(costAdvanceAmountProblem(12.5)).toBe('INVALID_NUMBER');
    expect(costAdvanceAmountProblem(Number.NaN)).toBe('INVALID_NUMBER');
  });

  it('formats cents the Belgian way, with a no-break space after the euro sign', () => {
    expect(formatEuro(12550)).toBe('€\u00a0125,50');
    expect(formatEuro(1)).toBe('€\u00a00,01');
    expect(formatEuro(123456)).toBe('€\u00a01.234,56');
    expect(formatEuro(MAX_COST_ADVANCE_CENTS)).toBe('€\u00a01.000.000,00');
  });

  it('round-trips every amount in cents through its decimal text', () => {
    for (const cents of [1, 9, 10, 99, 100, 101, 12550, 99999, 100000, 4_567_891, MAX_COST_ADVANCE_CENTS]) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      expect(parseEuroAmount(text)).toBe(cents);
    }
  });
});
