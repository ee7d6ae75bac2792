import { fieldNamesOf } from './field-names';

describe('fieldNamesOf', () => {
  it('names nested fields and array items, never values', () => {
    const names = fieldNamesOf({ tenantName: 'Jan Geheim', handling: { status: 'handled', workerContact: null }, facts: [{ body: 'x' }, { body: 'y', category: 'housing' }] });
    expect(names.sort()).toEqual(['facts[].body', 'facts[].category', 'handling.status', 'handling.workerContact', 'tenantName']);
    expect(JSON.stringify(names)).not.toContain('Jan Geheim');
  });

  it('names the items of a list at the top as items[]', () => {
    expect(fieldNamesOf([{ body: 'x' }])).toEqual(['items[].body']);
  });

  it('gives nothing for a scalar and names an empty list once', () => {
    expect(fieldNamesOf('text')).toEqual([]);
    expect(fieldNamesOf({ facts: [] })).toEqual(['facts']);
  });
});
