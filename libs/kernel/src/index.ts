/** Framework-free building blocks shared by every bounded context's domain layer. */
export { DomainError, NotFoundError } from './domain-error';
export type { DomainErrorKind } from './domain-error';
export { addDays, addMonths, belgianDate, Clock } from './clock';
export { PeriodicTask } from './periodic-task';
export { spreadsheetCsv } from './spreadsheet-csv';
