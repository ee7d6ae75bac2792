import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __woonbrugPg?: { stop(): Promise<void> } }).__woonbrugPg;
  if (!pg) return;
  await pg.stop();
  const dir = process.env.WOONBRUG_TEST_PG_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
