import type { PageContext } from '@woonbrug/web';

/** A calendar day (`YYYY-MM-DD`) as people read it in the page's language. */
export function formatDay(ctx: PageContext, isoDate: string): string {
  return new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** A moment in Belgian time. */
export function formatMoment(ctx: PageContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.lang === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

/** "today", "in 3 days", "2 days overdue". */
export function daysLeftText(ctx: PageContext, daysLeft: number): string {
  if (daysLeft === 0) return ctx.t('deadlines.daysLeft.today');
  if (daysLeft === 1) return ctx.t('deadlines.daysLeft.tomorrow');
  if (daysLeft > 1) return ctx.t('deadlines.daysLeft.inDays', { count: daysLeft });
  if (daysLeft === -1) return ctx.t('deadlines.daysLeft.overdueOne');
  return ctx.t('deadlines.daysLeft.overdue', { count: -daysLeft });
}
