/** Referral intake by landlords and OCMWs, the referrer's view, and the coordinator's triage list. */
export { ReferralsModule } from './referrals.module';
export { ReferralsService } from './application/referrals.service';
export type { IncomingReferral, ReferralView } from './application/referral-views';
export { REFERRAL_REASONS, isProbablyIneligible } from './domain/referral-reason';
export type { ReferralReason } from './domain/referral-reason';
export { SubmitReferralDto } from './http/referral.dto';
export { ProcedureEventListResponse, ProcedureEventResponse, ReferralResponse, SubmittedReferralResponse } from './http/referral.response';
export { PartnerReferralsApiController } from './http/partner-referrals-api.controller';
export { PartnerReferralPagesController } from './http/partner-referral-pages.controller';
export { StatusBadge } from './http/views/status-badge';
