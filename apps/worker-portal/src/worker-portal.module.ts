import { Module } from '@nestjs/common';
import { BudgetModule } from '@woonbrug/budget';
import { AuditModule } from '@woonbrug/audit';
import { CasesModule } from '@woonbrug/cases';
import { ConfigModule } from '@woonbrug/config';
import { ConsentModule } from '@woonbrug/consent';
import { DatabaseModule } from '@woonbrug/database';
import { IdentityModule, SessionAuthGuard } from '@woonbrug/identity';
import { NotesModule } from '@woonbrug/notes';
import { DeadlinesApiController, DeadlinesPagesController, NotificationsApiController, NotificationsModule, NotificationsPagesController } from '@woonbrug/notifications';
import { PoliciesModule } from '@woonbrug/policies';
import { ReferralsModule } from '@woonbrug/referrals';
import { RetentionModule } from '@woonbrug/retention';
import { WebModule } from '@woonbrug/web';
import { FinancialReferralPagesController } from './budget/financial-referral-pages.controller';
import { FinancialReferralsApiController } from './budget/financial-referrals-api.controller';
import { CaseloadApiController } from './caseload/caseload-api.controller';
import { CaseloadPagesController } from './caseload/caseload-pages.controller';
import { NotesApiController } from './notes/notes-api.controller';
import { NotesPagesController } from './notes/notes-pages.controller';
import { AuditLogController } from './audit/audit-log.controller';
import { CasePageForms } from './caseload/case-page-forms';
import { CaseTimelineBuilder } from './lifecycle/case-timeline';
import { LifecycleApiController } from './lifecycle/lifecycle-api.controller';
import { LifecyclePagesController } from './lifecycle/lifecycle-pages.controller';
import { CaseWorkspaceLoader } from './sharing/case-workspace';
import { SharingApiController } from './sharing/sharing-api.controller';
import { SharingPagesController } from './sharing/sharing-pages.controller';
import { StartPageController } from './start/start-page.controller';
import { TriageApiController } from './triage/triage-api.controller';
import { TriagePagesController } from './triage/triage-pages.controller';
import { ReportsModule } from './reports/reports.module';
import { IntervisionPagesModule } from './intervision/intervision.module';
import { TenantOverviewPagesModule } from './tenant-overview/tenant-overview.module';

const identity = IdentityModule.forPortal('worker');

/** The outreach side: the coordinator's triage, the worker's caseload. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    WebModule.forPortal(),
    identity,
    PoliciesModule.withAuthentication(SessionAuthGuard, identity),
    CasesModule,
    ReferralsModule,
    ConsentModule,
    AuditModule,
    NotesModule,
    // Deadlines and notifications; the deadline scan runs in this portal's process only.
    NotificationsModule.withScheduledScan(),
    BudgetModule,
    // Each feature below keeps its controllers in its own module.
    ReportsModule, IntervisionPagesModule, TenantOverviewPagesModule,
    // Retention runs in this portal's process only, like the deadline scan.
    RetentionModule.withScheduledRun(),
  ],
  providers: [CaseWorkspaceLoader, CasePageForms, CaseTimelineBuilder],
  controllers: [AuditLogController, StartPageController, TriageApiController, TriagePagesController, CaseloadApiController, CaseloadPagesController, SharingApiController, SharingPagesController, LifecycleApiController, LifecyclePagesController, NotesApiController, NotesPagesController, FinancialReferralsApiController, FinancialReferralPagesController, DeadlinesApiController, DeadlinesPagesController, NotificationsApiController, NotificationsPagesController],
})
export class WorkerPortalModule {}
