import type { Readable, Writable } from 'node:stream';
import { emailArgument, withIdentity } from './user-command.module';

/**
 * Reads the password from `input`: typed at a terminal without echo (ended by Enter), or piped
 * (everything up to the end, without one final line break). Never from the command line, where it
 * would end up in the shell history and the process list.
 */
export async function readPassword(input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown }, prompt: Writable): Promise<string> {
  if (input.isTTY && input.setRawMode) {
    prompt.write('New password (not shown): ');
    input.setRawMode(true);
    input.setEncoding('utf8');
    try {
      return await new Promise<string>((resolve, reject) => {
        let typed = '';
        const onData = (chunk: string) => {
          for (const ch of chunk) {
            if (ch === '\r' || ch === '\n') {
              input.off('data', onData);
              prompt.write('\n');
              return resolve(typed);
            }
            if (ch === '\u0003') {
              input.off('data', onData);
              return reject(new Error('cancelled'));
            }
            typed = ch === '\u007f' || ch === '\b' ? [...typed].slice(0, -1).join('') : typed + ch;
          }
        };
        input.on('data', onData);
      });
    } finally {
      input.setRawMode(false);
      input.pause();
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/**
 * `npm run users:set-password -- <email>`: sets an account's password, read from standard input,
 * under the same policy as a user's own change (ASVS V6.2); every session of the account ends.
 * Returns the exit code.
 */
export async function setPasswordCommand(argv: readonly string[], input: Readable, out: Writable, err: Writable): Promise<number> {
  const email = emailArgument(argv, 'npm run users:set-password -- <email>   (the password is read from standard input)', err);
  if (!email) return 2;
  const password = await readPassword(input, err);
  if (!password) {
    err.write('No password given on standard input\n');
    return 2;
  }
  return withIdentity(err, async (identity) => {
    await identity.setPassword(email, password);
    out.write(`Password of ${email.trim().toLowerCase()} set; its sessions have ended.\n`);
  });
}

if (require.main === module) {
  setPasswordCommand(process.argv.slice(2), process.stdin, process.stdout, process.stderr)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
