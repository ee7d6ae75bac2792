import { Module } from '@nestjs/common';
import { CasesModule } from '@woonbrug/cases';
import { NotesService } from './application/notes.service';
import { CaseDataKeyStore } from './infrastructure/case-data-key.store';
import { masterKeysProvider } from './infrastructure/master-keys.provider';

/**
 * Private notes of the assigned worker, encrypted at rest. Import it in the worker portal only:
 * it needs `NOTES_MASTER_KEYS` and refuses to start without it, and the partner portals must
 * never hold that key (a dependency rule forbids them to import this lib).
 */
@Module({
  imports: [CasesModule],
  providers: [masterKeysProvider, CaseDataKeyStore, NotesService],
  exports: [NotesService],
})
export class NotesModule {}
