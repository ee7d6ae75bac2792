/** Retention: closed cases older than the configured period are anonymised; the figures and the audit chain stay. */
export { RetentionModule } from './retention.module';
