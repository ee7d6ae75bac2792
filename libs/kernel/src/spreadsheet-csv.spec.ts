import { spreadsheetCsv } from './spreadsheet-csv';

describe('spreadsheetCsv', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const csv = spreadsheetCsv([['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx', 'plain', '1=1']]);
    expect(csv).toBe(`'=SUM(A1),'+1,'-2,'@cmd,'\tx,"'\rx",plain,1=1\r\n`);
  });

  it('quotes separators, quotes and line breaks; empty for null; arrays joined', () => {
    expect(spreadsheetCsv([['a;b', 'say "hi"', 'two\nlines', null, undefined, ['x', 'y']]], { delimiter: ';' })).toBe(
      '"a;b";"say ""hi""";"two\nlines";;;x y\r\n',
    );
  });

  it('adds a byte-order mark on request', () => {
    expect(spreadsheetCsv([['é']], { bom: true })).toBe('\uFEFFé\r\n');
  });
});
