import type { IdentifierKind } from '../domain/pseudonymise';
import type { IntervisionState } from '../domain/intervision';

/** Who wrote a summary or an answer: a peer's name and outreach organisation. */
export interface IntervisionAuthorView {
  readonly name: string;
  readonly organisationName: string;
}

export interface IntervisionReplyView {
  readonly id: string;
  readonly body: string;
  readonly createdAt: string;
  readonly author: IntervisionAuthorView;
  /** Written by the caller. */
  readonly mine: boolean;
}

/**
 * A summary as a peer reads it: its stripped texts, who asks, and the thread. Nothing leads to the
 * case: no case id, no reference, no link. Only its author gets `sourceCase`, and only while the
 * author may still read that case; for everyone else the key is absent.
 */
export interface IntervisionSummaryView {
  readonly id: string;
  readonly title: string;
  readonly question: string;
  readonly body: string;
  readonly state: IntervisionState;
  /** The day the dates in the text are relative to. */
  readonly referenceDate: string;
  readonly sharedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic locking: send it back with an edit or with sharing. */
  readonly version: number;
  readonly author: IntervisionAuthorView;
  /** The caller wrote this summary (and may edit and share it). */
  readonly mine: boolean;
  readonly sourceCase?: { readonly id: string; readonly reference: string } | null;
  readonly replies: readonly IntervisionReplyView[];
}

/** One line of the list: shared summaries of every peer and the caller's own drafts. */
export interface IntervisionListItem {
  readonly id: string;
  readonly title: string;
  readonly state: IntervisionState;
  readonly sharedAt: string | null;
  readonly updatedAt: string;
  readonly author: IntervisionAuthorView;
  readonly mine: boolean;
  readonly replyCount: number;
}

export interface CreateIntervisionInput {
  readonly question: string;
  readonly title?: string;
}

export interface UpdateIntervisionInput {
  readonly title: string;
  readonly question: string;
  readonly body: string;
  readonly version: number;
}

/** A summary after a save, with how many identifiers the stripping replaced in what was sent. */
export interface SavedIntervision {
  readonly summary: IntervisionSummaryView;
  readonly replaced: Readonly<Partial<Record<IdentifierKind | 'date', number>>>;
}
