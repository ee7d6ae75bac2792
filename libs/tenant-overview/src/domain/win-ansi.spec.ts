import { toWinAnsi } from './win-ansi';

describe('toWinAnsi', () => {
  it('keeps Dutch and French accents, typographic quotes, dashes and the euro sign', () => {
    const text = 'Geëvalueerd, één café — ‘zo’ “dus” … € 12,50 ß Æ ø';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('writes other letters without their accent or by hand, and anything else as ?', () => {
    expect(toWinAnsi('Łukasz Wróbel, Őrs, Şükrü, Ćosić')).toBe('Lukasz Wróbel, Ors, Sükrü, Cosic');
    expect(toWinAnsi('Ирина 😀')).toBe('????? ?');
  });

  it('turns tabs into spaces and any line ending into a line break', () => {
    expect(toWinAnsi('a\tb\r\nc\rd\ne')).toBe('a b\nc\nd\ne');
  });
});
