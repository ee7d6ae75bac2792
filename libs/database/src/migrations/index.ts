import { InitialSchema1764417600000 } from './1764417600000-initial-schema';
import { ConsentScopedSharing1764504000000 } from './1764504000000-consent-scoped-sharing';
import { LifecycleDeadlinesBudget1764590400000 } from './1764590400000-lifecycle-deadlines-budget';
import { AuditLog1764676800000 } from './1764676800000-audit-log';
import { Retention1764763200000 } from './1764763200000-retention';
import { Reporting1764849600000 } from './1764849600000-reporting';
import { Intervision1764936000000 } from './1764936000000-intervision';
import { PartnerReadIndexes1765022400000 } from './1765022400000-partner-read-indexes';
import { SecondFactor1765108800000 } from './1765108800000-second-factor';
import { IdempotencyKey1765195200000 } from './1765195200000-idempotency-key';
import { AuditAppendFunction1765281600000 } from './1765281600000-audit-append-function';
import { ReferralListPaging1765368000000 } from './1765368000000-referral-list-paging';
import { ReportSourceVersion1765454400000 } from './1765454400000-report-source-version';
import { WorkerCaseloadIndex1765540800000 } from './1765540800000-worker-caseload-index';
import { ReportTrajectory1765627200000 } from './1765627200000-report-trajectory';

/** Every migration, in order. A new migration is generated into this folder and added here. */
export const MIGRATIONS = [InitialSchema1764417600000, ConsentScopedSharing1764504000000, LifecycleDeadlinesBudget1764590400000, AuditLog1764676800000, Retention1764763200000, Reporting1764849600000, Intervision1764936000000, PartnerReadIndexes1765022400000, SecondFactor1765108800000, IdempotencyKey1765195200000, AuditAppendFunction1765281600000, ReferralListPaging1765368000000, ReportSourceVersion1765454400000, WorkerCaseloadIndex1765540800000, ReportTrajectory1765627200000];
