import { loadConfig } from '@woonbrug/config';
import { withDataSource } from '@woonbrug/database';
import { verifyAuditChain } from '../infrastructure/verify-audit-chain';

/**
 * `npm run audit:verify`: walks the disclosure log's hash chain on DATABASE_URL. Prints the number
 * of events and the head hash (keep a copy elsewhere: it also reveals events cut off the end), or
 * the first broken event, and then exits with 1.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to the PostgreSQL server that holds the audit log');
  const result = await withDataSource(config.DATABASE_URL, verifyAuditChain);
  if (result.ok) {
    process.stdout.write(`Audit chain intact: ${result.count} events; head ${result.head ?? '(empty log)'}\n`);
    return;
  }
  const why = result.reason === 'hash_mismatch' ? 'its content does not match its hash (changed)' : 'it does not follow the event before it (removed, inserted or reordered)';
  process.stdout.write(`Audit chain BROKEN at event ${result.brokenAt}: ${why}; ${result.checked} events before it verified\n`);
  process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
