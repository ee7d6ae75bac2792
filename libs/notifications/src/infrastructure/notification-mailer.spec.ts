import { createServer, type Server, type Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { AppConfig } from '@woonbrug/config';
import { NotificationMailer, type NotificationMail } from './notification-mailer';
import { notificationSettings } from './notification-settings';

/** Just enough SMTP to accept messages on a free local port. */
async function fakeSmtpServer(): Promise<{ port: number; messages: string[]; close(): Promise<void> }> {
  const messages: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let data: string[] | null = null;
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            messages.push(data.join('\r\n'));
            data = null;
            socket.write('250 2.0.0 queued\r\n');
          } else data.push(line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'DATA') {
          data = [];
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function config(values: Partial<AppConfig>): AppConfig {
  return Object.assign(new AppConfig(), values);
}

const MAIL: NotificationMail = {
  userId: '11111111-1111-4111-8111-111111111111',
  to: 'worker@woonbrug.example',
  kind: 'hearing',
  reference: '2026-0042',
  subject: 'Woonbrug: nieuws over dossier 2026-0042',
  text: 'Dossier 2026-0042: zitting bij de vrederechter op 10 mrt 2027.',
};

describe('notification settings', () => {
  it('default to no e-mail and a scan every 15 minutes, and fall back when a value is missing or wrong', () => {
    expect(notificationSettings(new AppConfig())).toEqual({ smtpUrl: undefined, mailFrom: 'Woonbrug <no-reply@woonbrug.example>', scanIntervalSeconds: 900 });
    expect(notificationSettings({} as AppConfig)).toEqual({ smtpUrl: undefined, mailFrom: 'Woonbrug <no-reply@woonbrug.example>', scanIntervalSeconds: 900 });
    expect(notificationSettings(config({ SMTP_URL: '  ', DEADLINE_SCAN_INTERVAL_SECONDS: -1 })).smtpUrl).toBeUndefined();
    expect(notificationSettings(config({ SMTP_URL: 'smtp://mail.example:587', MAIL_FROM: 'X <x@example.org>', DEADLINE_SCAN_INTERVAL_SECONDS: 0 }))).toEqual({
      smtpUrl: 'smtp://mail.example:587',
      mailFrom: 'X <x@example.org>',
      scanIntervalSeconds: 0,
    });
  });
});

describe('NotificationMailer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('without SMTP_URL only logs who would get which deadline of which case', async () => {
    const logged: string[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => {
      logged.push(String(message));
    });
    const mailer = new NotificationMailer(config({}));
    expect(mailer.sendsMail).toBe(false);
    await mailer.send(MAIL);
    expect(logged).toEqual([`would e-mail user ${MAIL.userId}: hearing for case 2026-0042`]);
    expect(logged.join()).not.toContain(MAIL.to);
  });

  it('with SMTP_URL sends the mail through SMTP (nodemailer)', async () => {
    const smtp = await fakeSmtpServer();
    const mailer = new NotificationMailer(config({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Woonbrug <no-reply@woonbrug.example>' }));
    try {
      expect(mailer.sendsMail).toBe(true);
      await mailer.send(MAIL);
      expect(smtp.messages).toHaveLength(1);
      const message = smtp.messages[0]!;
      expect(message).toMatch(/^To: worker@woonbrug\.example$/m);
      expect(message).toMatch(/^From: Woonbrug <no-reply@woonbrug\.example>$/m);
      expect(message).toMatch(/^Subject: Woonbrug: nieuws over dossier 2026-0042$/m);
      expect(message).toContain('zitting bij de vrederechter');
    } finally {
      mailer.onModuleDestroy();
      await smtp.close();
    }
  });
});
