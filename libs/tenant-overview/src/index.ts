/** The tenant's overview (GDPR art. 15): what is stored, consents, disclosures and partner reads, as HTML for print and PDF. */

/** Nest module providing {@link TenantOverviewService}. */
export { TenantOverviewModule } from './tenant-overview.module';

/** Assembles the overview of one case for its assigned worker, and hands it out as a logged export. */
export { TenantOverviewService } from './application/tenant-overview.service';
export type { OverviewFormat } from './application/tenant-overview.service';

/** The overview as data (the JSON view): codes and ISO times, no private notes in any form. */
export type {
  OverviewAccess,
  OverviewBudgetReferral,
  OverviewCase,
  OverviewConsent,
  OverviewDisclosure,
  OverviewFact,
  OverviewProcedureEvent,
  OverviewReferral,
  OverviewStep,
  OverviewWithdrawal,
  TenantOverview,
} from './domain/tenant-overview';

/** The printable document in plain words, rendered by the HTML page and by the PDF alike. */
export { buildOverviewDocument } from './domain/overview-document';
export type { OverviewBlock, OverviewDocument, OverviewSection, OverviewTranslate } from './domain/overview-document';
export { formatDay, formatMoment } from './domain/belgian-time';

/** The PDF (pdfkit, built-in Helvetica). */
export { renderOverviewPdf } from './infrastructure/overview-pdf';
