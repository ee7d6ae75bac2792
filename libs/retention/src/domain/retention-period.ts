import { addMonths } from '@woonbrug/kernel';

/**
 * The first day that is still kept: a case closed (or declined) before it has passed the
 * retention period and is anonymised. With 60 months and today 2026-11-29, a case closed on
 * 2021-11-28 goes, one closed on 2021-11-29 stays.
 */
export function retentionCutoff(today: string, retentionMonths: number): string {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 1) throw new RangeError('retentionMonths must be a whole number of months, at least 1');
  return addMonths(today, -retentionMonths);
}

/**
 * What anonymisation keeps and what it removes (DESIGN.md §2, issue 5): the figures of the
 * yearly report survive, the person does not. The names below are what the audit event of an
 * anonymisation lists as removed.
 */
export const REMOVED_BY_ANONYMISATION = [
  'tenantName',
  'address',
  'reference',
  'referrerContact',
  'freeText',
  'procedureDates',
  'facts',
  'privateNotes',
  'consentDocuments',
  'costAdvances',
  'notifications',
] as const;
