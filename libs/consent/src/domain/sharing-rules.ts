import type { FactCategory } from '@woonbrug/policies';

/** The five conditions of shared professional secrecy (gedeeld beroepsgeheim), shown to confirm. */
export const SHARED_SECRECY_CONDITIONS = ['clientInformedAndAgrees', 'solelyInClientInterest', 'strictlyNecessary', 'onlyToBoundRecipients', 'sameMission'] as const;

export type ConsentState = 'active' | 'withdrawn' | 'expired' | 'not_yet_valid';

/** A consent counts only between its dates and until it is withdrawn (effective at once). */
export function consentState(consent: { givenOn: string; expiresOn: string; withdrawnAt: string | null }, today: string): ConsentState {
  if (consent.withdrawnAt) return 'withdrawn';
  if (consent.givenOn > today) return 'not_yet_valid';
  if (consent.expiresOn < today) return 'expired';
  return 'active';
}

/**
 * What the worker must confirm before disclosing a category to an organisation: nothing for
 * `status`; beyond it, the warning for recipients not bound by professional secrecy, or the
 * conditions of shared professional secrecy for those who are.
 */
export function confirmationNeeded(category: FactCategory, recipientBoundBySecrecy: boolean): 'none' | 'warning' | 'shared_secrecy' {
  if (category === 'status') return 'none';
  return recipientBoundBySecrecy ? 'shared_secrecy' : 'warning';
}

/** Consent expires by default a year after it was given, unless the worker sets another date. */
export function defaultExpiry(givenOn: string): string {
  const d = new Date(`${givenOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}
