import { Module } from '@nestjs/common';
import { CasesModule } from '@woonbrug/cases';
import { ConfigModule } from '@woonbrug/config';
import { ConsentModule } from '@woonbrug/consent';
import { DatabaseModule } from '@woonbrug/database';
import { IdentityModule, SessionAuthGuard } from '@woonbrug/identity';
import { NotesModule } from '@woonbrug/notes';
import { PoliciesModule } from '@woonbrug/policies';
import { ReferralsModule } from '@woonbrug/referrals';
import { WebModule } from '@woonbrug/web';
import { CaseloadApiController } from './caseload/caseload-api.controller';
import { CaseloadPagesController } from './caseload/caseload-pages.controller';
import { NotesApiController } from './notes/notes-api.controller';
import { NotesPagesController } from './notes/notes-pages.controller';
import { CaseWorkspaceLoader } from './sharing/case-workspace';
import { SharingApiController } from './sharing/sharing-api.controller';
import { SharingPagesController } from './sharing/sharing-pages.controller';
import { StartPageController } from './start/start-page.controller';
import { TriageApiController } from './triage/triage-api.controller';
import { TriagePagesController } from './triage/triage-pages.controller';

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
    NotesModule,
  ],
  providers: [CaseWorkspaceLoader],
  controllers: [StartPageController, TriageApiController, TriagePagesController, CaseloadApiController, CaseloadPagesController, SharingApiController, SharingPagesController, NotesApiController, NotesPagesController],
})
export class WorkerPortalModule {}
