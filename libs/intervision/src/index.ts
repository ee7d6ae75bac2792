/**
 * Peer consultation (intervisie): pseudonymised case summaries shared among outreach workers, with
 * a thread of answers. Peers never get anything that leads to the case or the tenant.
 */

/** Nest module providing {@link IntervisionService}. */
export { IntervisionModule } from './intervision.module';

/** Use cases: prepare from a case, list, read, edit, share, answer. */
export { IntervisionService } from './application/intervision.service';

/** What the use cases take and return: view objects, never rows. */
export type {
  CreateIntervisionInput,
  IntervisionAuthorView,
  IntervisionListItem,
  IntervisionReplyView,
  IntervisionSummaryView,
  SavedIntervision,
  UpdateIntervisionInput,
} from './application/intervision-views';
export type { Translate } from './application/starting-text';

/** The stripping of identifiers, usable on any text (pure). */
export { pseudonymise, pseudonymiseDetailed, PLACEHOLDERS } from './domain/pseudonymise';
export type { IdentifierKind, KnownIdentifiers, PseudonymisedText } from './domain/pseudonymise';

/** States and text limits the DTOs share with the database. */
export { INTERVISION_STATES, INTERVISION_TEXT_LIMITS } from './domain/intervision';
export type { IntervisionState } from './domain/intervision';

/** Stable error codes: STALE_VERSION, INTERVISION_ALREADY_SHARED, INTERVISION_NOT_SHARED, VALIDATION_FAILED. */
export { IntervisionAlreadySharedError, IntervisionNotSharedError, IntervisionStaleVersionError, InvalidIntervisionInputError } from './domain/intervision.errors';
