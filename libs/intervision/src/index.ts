/** Peer consultation (intervisie): pseudonymised case summaries shared among outreach workers, with a thread of answers. */
export { IntervisionModule } from './intervision.module';
