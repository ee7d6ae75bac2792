import type { PolicyActor } from '../domain/ability.factory';
import type { PartnerContext } from '../domain/partner-grant';

/**
 * Injection token for the source of a partner organisation's grants (consents ∩ disclosures),
 * provided by the consent context, so that this lib does not depend on it.
 */
export const PARTNER_CONTEXT_SOURCE = Symbol('woonbrug:partner-context-source');

export interface PartnerContextSource {
  load(actor: PolicyActor): Promise<PartnerContext>;
}
