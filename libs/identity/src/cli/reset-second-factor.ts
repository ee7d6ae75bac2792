import type { Writable } from 'node:stream';
import { emailArgument, withIdentity } from './user-command.module';

/**
 * `npm run users:reset-second-factor -- <email>`: for a user who lost their authenticator. Forgets
 * the account's TOTP secret and ends its sessions; at the next login (password first) the user sets
 * up a new authenticator. Check who is asking before running it. Returns the exit code.
 */
export async function resetSecondFactorCommand(argv: readonly string[], out: Writable, err: Writable): Promise<number> {
  const email = emailArgument(argv, 'npm run users:reset-second-factor -- <email>', err);
  if (!email) return 2;
  return withIdentity(err, async (identity) => {
    await identity.resetSecondFactor(email);
    out.write(`Second factor of ${email.trim().toLowerCase()} reset; it sets up a new one at its next login.\n`);
  });
}

if (require.main === module) {
  resetSecondFactorCommand(process.argv.slice(2), process.stdout, process.stderr)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
