import { Module } from '@nestjs/common';

/** Peer consultation (intervisie): pseudonymised case summaries shared among outreach workers, with a thread of answers. */
@Module({
  providers: [],
  exports: [],
})
export class IntervisionModule {}
