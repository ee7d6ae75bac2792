import { householdKey } from './household-key';

describe('householdKey', () => {
  it('folds case, accents, punctuation and spacing', () => {
    expect(householdKey('  Kerkstraat 12,  bus 3 ')).toBe(householdKey('kerkstraat 12 bus 3'));
    expect(householdKey('Désiré Van Hoeck')).toBe('desire van hoeck');
  });

  it('keeps different households apart', () => {
    expect(householdKey('Kerkstraat 12')).not.toBe(householdKey('Kerkstraat 21'));
  });
});
