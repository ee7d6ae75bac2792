import type { Writable } from 'node:stream';
import { emailArgument, withIdentity } from './user-command.module';

/**
 * `npm run users:disable -- <email>`: disables an account and ends all of its sessions at once
 * (one transaction). The account and its history stay; it can no longer log in. Returns the exit code.
 */
export async function disableUserCommand(argv: readonly string[], out: Writable, err: Writable): Promise<number> {
  const email = emailArgument(argv, 'npm run users:disable -- <email>', err);
  if (!email) return 2;
  return withIdentity(err, async (identity) => {
    const { sessionsEnded } = await identity.disableUser(email);
    out.write(`Account ${email.trim().toLowerCase()} disabled; ${sessionsEnded} session(s) ended.\n`);
  });
}

if (require.main === module) {
  disableUserCommand(process.argv.slice(2), process.stdout, process.stderr)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
