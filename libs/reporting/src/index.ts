/** Figures: the yearly report (DESIGN.md §5), partners' figures with small cells suppressed, bottlenecks and the evaluation. */
export { ReportingModule } from './reporting.module';
