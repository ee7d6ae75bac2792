import { CASE_SEARCH_MAX_TERMS, caseSearchCondition, caseSearchTerms } from './case-search';

describe('caseSearchTerms', () => {
  it('folds case, accents and punctuation like the stored keys', () => {
    expect(caseSearchTerms('  Désiré VAN-Hoeck ')).toEqual(['desire', 'van', 'hoeck']);
    expect(caseSearchTerms('2026-0042')).toEqual(['2026', '0042']);
  });

  it('keeps nothing of wildcards, quotes, markup or NUL', () => {
    expect(caseSearchTerms(`%_'";--<script>\u0000`)).toEqual(['script']);
    expect(caseSearchTerms('%%%')).toEqual([]);
    expect(caseSearchTerms('')).toEqual([]);
  });

  it('drops repeated words and keeps at most a few', () => {
    expect(caseSearchTerms('jan jan JAN')).toEqual(['jan']);
    expect(caseSearchTerms('a b c d e f g h i')).toHaveLength(CASE_SEARCH_MAX_TERMS);
  });
});

describe('caseSearchCondition', () => {
  it('matches nothing without terms', () => {
    expect(caseSearchCondition([], 3)).toEqual({ sql: 'FALSE', params: [] });
  });

  it('binds every term as a parameter after the offset, all terms required', () => {
    const { sql, params } = caseSearchCondition(['jan', '0042'], 2);
    expect(params).toEqual(['%jan%', '%0042%']);
    expect(sql).toContain('c.tenant_name_key LIKE $3');
    expect(sql).toContain('c.address_key LIKE $4');
    expect(sql).toContain(' AND ');
    expect(sql).not.toContain('jan');
  });
});
