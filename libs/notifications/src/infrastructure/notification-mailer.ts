import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@woonbrug/config';
import type { Transporter } from 'nodemailer';
import { notificationSettings, type NotificationSettings } from './notification-settings';

/** One notification e-mail. Subject and text carry the case reference, never the tenant's name. */
export interface NotificationMail {
  readonly userId: string;
  readonly to: string;
  readonly kind: string;
  readonly reference: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * Sends notification e-mails through SMTP when `SMTP_URL` is configured (off by default). Without
 * it the mail is only logged, at info level and without personal data beyond the case
 * reference. nodemailer is loaded on first use, so that a deployment without SMTP never needs it.
 */
@Injectable()
export class NotificationMailer implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationMailer');
  private readonly settings: NotificationSettings;
  private transporter?: Promise<Transporter>;

  constructor(config: AppConfig) {
    this.settings = notificationSettings(config);
  }

  /** Whether mails really leave the system. */
  get sendsMail(): boolean {
    return this.settings.smtpUrl !== undefined;
  }

  async send(mail: NotificationMail): Promise<void> {
    if (!this.settings.smtpUrl) {
      this.logger.log(`would e-mail user ${mail.userId}: ${mail.kind} for case ${mail.reference}`);
      return;
    }
    const transporter = await this.transport(this.settings.smtpUrl);
    await transporter.sendMail({ from: this.settings.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
  }

  onModuleDestroy(): void {
    void this.transporter?.then((t) => t.close()).catch(() => undefined);
  }

  private transport(url: string): Promise<Transporter> {
    this.transporter ??= import('nodemailer').then((nodemailer) => nodemailer.createTransport(url));
    return this.transporter;
  }
}
