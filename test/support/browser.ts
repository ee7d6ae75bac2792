import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_PASSWORD } from '@woonbrug/database';
import { Client } from 'pg';
import { chromium, type Browser, type BrowserContext, type Page, type Response, type ViewportSize } from 'playwright-core';
import { startPortals, type PortalName, type Portals } from './portals';
import { withAcceptableCode } from './second-factor';

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

export async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** Fails the journey on any script error or server error seen by the page. */
export function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} for ${response.request().method()} ${response.url()}`);
  });
}

/** Opens a page by URL, expects 200 and takes its screenshot. */
export async function visit(page: Page, url: string, shot: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await shoot(page, shot);
}

/**
 * Clicks a submit button, waits until the browser has committed and loaded the document the post
 * leads to (`landing`) and returns the response to the form's POST itself. Waits for the new
 * document rather than for a URL: several forms lead back to the very URL they are posted from.
 */
export async function submit(page: Page, button: string, action: string, landing: (url: URL) => boolean): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() && landing(new URL(frame.url())) }),
    page.click(button),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/**
 * Logs in through the login form of a portal — and, for workers, coordinators and privacy
 * officers, through step 2 with a TOTP code of the demo secret (or of the secret the page offers
 * for enrolment); returns the path the portal lands on.
 */
export async function logIn(page: Page, baseUrl: string, email: string, shot: string): Promise<string> {
  await visit(page, `${baseUrl}/login`, `${shot}-login`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await submit(page, 'form.login-form button[type="submit"]', '/login', (url) => url.pathname !== '/login');
  if (new URL(page.url()).pathname === '/login/second-factor') {
    await shoot(page, `${shot}-second-factor`);
    const offered = page.locator('#second-factor-secret');
    const enrolmentSecret = (await offered.count()) > 0 ? (await offered.innerText()).replace(/\s+/g, '') : undefined;
    await withAcceptableCode(
      email,
      async (code) => {
        await page.fill('#code', code);
        await submit(page, 'form.second-factor-form button[type="submit"]', '/login/second-factor', (url) => !url.pathname.startsWith('/login'));
      },
      { secret: enrolmentSecret },
    );
  }
  await shoot(page, `${shot}-after-login`);
  expect(await page.locator('[role="alert"]').count()).toBe(0);
  return new URL(page.url()).pathname;
}

/**
 * One Chromium for a journey, one browser context per person (Dutch, 1280×900 unless told, step
 * timeouts), every page watched for script errors and 5xx into `problems`.
 */
export class BrowserSession {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    /** The Chromium itself, for a context that is not a person's (no step timeouts). */
    readonly browser: Browser,
    private readonly problems: string[],
    private readonly stepTimeout: number,
    private readonly viewport: ViewportSize,
  ) {}

  static async open(problems: string[], stepTimeout: number, viewport: ViewportSize = { width: 1280, height: 900 }): Promise<BrowserSession> {
    return new BrowserSession(await launchBrowser(), problems, stepTimeout, viewport);
  }

  /** A page in a new context: a person with cookies of their own. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ locale: 'nl-BE', viewport: this.viewport });
    context.setDefaultTimeout(this.stepTimeout);
    context.setDefaultNavigationTimeout(this.stepTimeout);
    this.contexts.push(context);
    const page = await context.newPage();
    watch(page, this.problems);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/** How long one step of a journey (a click, a fill, a navigation) may take. */
export const STEP_TIMEOUT = 20_000;

export interface JourneyOptions {
  /** A fresh database of the spec's own (see `startPortals`); else this worker's demo database. */
  readonly ownDatabase?: string;
  /** The portals the browser visits, served on a port each in this order. */
  readonly serve: readonly PortalName[];
  /** The window of every page; 1280×900 unless given. */
  readonly viewport?: ViewportSize;
}

/** What a browser journey runs on; `close()` in `afterAll` ends it all. */
export interface Journey {
  readonly portals: Portals;
  /** A connection to the journey's database, for the spec's own look-ups. */
  readonly db: Client;
  /** The base URL of each served portal (only those). */
  readonly urls: Readonly<Record<PortalName, string>>;
  readonly session: BrowserSession;
  /** Script errors and 5xx seen by any page of the session; a journey expects none at its end. */
  readonly problems: string[];
  /** A page in a new context: a person with cookies of their own. */
  newPage(): Promise<Page>;
  /** Closes the browser, the database connection and the portals (also of a half-opened journey). */
  close(): Promise<void>;
}

/**
 * The three portals on a test database, a connection to it, the portals of `serve` listening, and
 * one Chromium with step timeouts of {@link STEP_TIMEOUT}. Closes what it opened when a step fails.
 */
export async function openJourney(options: JourneyOptions): Promise<Journey> {
  const closers: Array<() => Promise<void>> = [];
  const close = async (): Promise<void> => {
    while (closers.length > 0) await closers.pop()!();
  };
  try {
    const portals = await startPortals({}, { ownDatabase: options.ownDatabase });
    closers.push(() => portals.close());
    const db = new Client({ connectionString: portals.databaseUrl });
    await db.connect();
    closers.push(() => db.end());
    const urls = {} as Record<PortalName, string>;
    for (const portal of options.serve) urls[portal] = await listen(portals.apps[portal]);
    const problems: string[] = [];
    const session = await BrowserSession.open(problems, STEP_TIMEOUT, options.viewport);
    closers.push(() => session.close());
    return { portals, db, urls, session, problems, newPage: () => session.newPage(), close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
