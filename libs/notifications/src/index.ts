/** Deadlines, in-app notifications and their e-mails, and the scan that ties them together. */
export { NotificationsModule } from './notifications.module';
export { DeadlinesService } from './application/deadlines.service';
export type { DueDeadline } from './application/deadlines.service';
export { NotificationsService } from './application/notifications.service';
export type { NotificationKind, NotificationList, NotificationView } from './application/notification-views';
export { DeadlineScan } from './application/deadline-scan';
export { PARTNER_ANSWER_KINDS, tellWorkerOfPartnerAnswer } from './application/partner-answers';
export type { PartnerAnswer, PartnerAnswerKind } from './application/partner-answers';
/** How deadlines read on a page (also the worker's start page). */
export { daysLeftText, formatDay } from './http/views/format';
export { NotificationText } from './http/views/notification-text';
export type { DeadlineScanResult } from './application/deadline-scan';
export {
  DEADLINE_HORIZON_DAYS,
  DEADLINE_KINDS,
  NO_CONTACT_DAYS,
  REFERRAL_DECISION_WORKING_DAYS,
  daysBetween,
  deadlineDedupeKey,
  isReferralDecisionOverdue,
  referralDecisionDue,
} from './domain/deadline';
export type { DeadlineItem, DeadlineKind } from './domain/deadline';
export { addWorkingDays, isWorkingDay } from './domain/working-days';
export { NotificationMailer } from './infrastructure/notification-mailer';
export type { NotificationMail } from './infrastructure/notification-mailer';
export { DeadlinesApiController } from './http/deadlines-api.controller';
export { DeadlinesPagesController } from './http/deadlines-pages.controller';
export { NotificationsApiController } from './http/notifications-api.controller';
export { NotificationsPagesController } from './http/notifications-pages.controller';
