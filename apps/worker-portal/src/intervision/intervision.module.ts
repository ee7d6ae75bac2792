import { Module } from '@nestjs/common';
import { IntervisionModule } from '@woonbrug/intervision';

/** Peer consultation: summaries from a case, shared with peers, answered in a thread. */
@Module({
  imports: [IntervisionModule],
  controllers: [],
})
export class IntervisionPagesModule {}
