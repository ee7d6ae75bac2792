import { InitialSchema1764417600000 } from './1764417600000-initial-schema';
import { ConsentScopedSharing1764504000000 } from './1764504000000-consent-scoped-sharing';
import { LifecycleDeadlinesBudget1764590400000 } from './1764590400000-lifecycle-deadlines-budget';
import { AuditLog1764676800000 } from './1764676800000-audit-log';

/** Every migration, in order. A new migration is generated into this folder and added here. */
export const MIGRATIONS = [InitialSchema1764417600000, ConsentScopedSharing1764504000000, LifecycleDeadlinesBudget1764590400000, AuditLog1764676800000];
