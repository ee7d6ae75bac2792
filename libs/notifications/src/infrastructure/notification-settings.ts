import type { AppConfig } from '@woonbrug/config';

/** The settings this lib reads from {@link AppConfig}. */
export interface NotificationSettings {
  /** SMTP connection URL; undefined = no e-mail, the mail is logged instead. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Seconds between deadline scans in the worker portal; 0 = no scheduled scan. */
  readonly scanIntervalSeconds: number;
}

export const DEFAULT_MAIL_FROM = 'Woonbrug <no-reply@woonbrug.example>';
export const DEFAULT_SCAN_INTERVAL_SECONDS = 900;

/**
 * Reads the notification settings with safe defaults, so that a config object without them
 * (an older AppConfig, a hand-built one in a test) means "no e-mail, scan every 15 minutes".
 */
export function notificationSettings(config: AppConfig): NotificationSettings {
  const raw = config as Partial<Record<'SMTP_URL' | 'MAIL_FROM' | 'DEADLINE_SCAN_INTERVAL_SECONDS', unknown>>;
  const smtpUrl = typeof raw.SMTP_URL === 'string' && raw.SMTP_URL.trim() !== '' ? raw.SMTP_URL.trim() : undefined;
  const mailFrom = typeof raw.MAIL_FROM === 'string' && raw.MAIL_FROM.trim() !== '' ? raw.MAIL_FROM.trim() : DEFAULT_MAIL_FROM;
  const interval = raw.DEADLINE_SCAN_INTERVAL_SECONDS;
  const scanIntervalSeconds = typeof interval === 'number' && Number.isInteger(interval) && interval >= 0 ? interval : DEFAULT_SCAN_INTERVAL_SECONDS;
  return { smtpUrl, mailFrom, scanIntervalSeconds };
}
