/** Consent (the tenant's, per partner organisation) and disclosure (the worker's choice under it). */
export { ConsentModule } from './consent.module';
export { ConsentService, LEGAL_BASES } from './application/consent.service';
export type { ConsentDocument, ConsentView, LegalBasis, RecordConsentInput } from './application/consent.service';
export { DisclosureService } from './application/disclosure.service';
export { PartnerGrants } from './application/partner-grants';
export type { DiscloseInput, DisclosureView, PartnerSharing } from './application/disclosure.service';
export { SHARED_SECRECY_CONDITIONS, confirmationNeeded, consentState } from './domain/sharing-rules';
export type { ConsentState } from './domain/sharing-rules';
