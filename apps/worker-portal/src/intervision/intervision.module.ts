import { Module } from '@nestjs/common';
import { IntervisionModule } from '@woonbrug/intervision';
import { IntervisionApiController } from './intervision-api.controller';
import { IntervisionPagesController } from './intervision-pages.controller';

/** Peer consultation: summaries from a case, shared with peers, answered in a thread. */
@Module({
  imports: [IntervisionModule],
  controllers: [IntervisionApiController, IntervisionPagesController],
})
export class IntervisionPagesModule {}
