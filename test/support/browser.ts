import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The system Chromium (Debian package); Playwright's own browser downloads do not work here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Without these Chromium keeps trying to reach the (closed) network in the background.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * A headless Chromium for a browser journey. Fails loudly when Chromium is missing: a browser
 * test that silently skips proves nothing.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y --no-install-recommends chromium`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const RUN_STAMP = new Date().toISOString().replace(/[:.]/g, '-');
let announced = false;

/** `test/artifacts/screenshots/<run timestamp>`, created on first use and printed once. */
export function screenshotDir(): string {
  const dir = resolve(__dirname, '..', 'artifacts', 'screenshots', RUN_STAMP);
  mkdirSync(dir, { recursive: true });
  if (!announced) {
    announced = true;
    process.stdout.write(`\n[browser] screenshots in ${dir}\n`);
  }
  return dir;
}

let counter = 0;

/** A full-page PNG of the page, numbered in the order taken. Returns its path. */
export async function shoot(page: Page, name: string): Promise<string> {
  counter += 1;
  const safe = name.replace(/[^a-z0-9_-]+/gi, '-').toLowerCase();
  const file = join(screenshotDir(), `${String(counter).padStart(2, '0')}-${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
