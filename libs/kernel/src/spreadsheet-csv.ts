import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would run as a formula: it starts with `=`, `+`, `-`, `@`, tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV for a spreadsheet (RFC 4180 quoting by csv-stringify, CRLF line ends). Every cell that a
 * spreadsheet would run as a formula gets a leading apostrophe, so an exported value can never
 * execute (CSV injection). `null`/`undefined` become empty cells, arrays are joined by spaces.
 * `bom` prefixes a UTF-8 byte-order mark (Excel then reads accents right).
 */
export function spreadsheetCsv(rows: ReadonlyArray<ReadonlyArray<unknown>>, options: { readonly delimiter?: ',' | ';'; readonly bom?: boolean } = {}): string {
  const cells = rows.map((row) =>
    row.map((value) => {
      const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
      return FORMULA_START.test(text) ? `'${text}` : text;
    }),
  );
  return stringify(cells, { delimiter: options.delimiter ?? ',', record_delimiter: '\r\n', quoted_match: /[\r\n]/, bom: options.bom ?? false });
}
