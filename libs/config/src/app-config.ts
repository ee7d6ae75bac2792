import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

export const ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * Every setting Woonbrug reads from its environment, validated once at boot. Only this module
 * (and the launcher, which hands the environment to the portals it starts) reads `process.env`.
 */
export class AppConfig {
  @IsIn(ENVIRONMENTS)
  NODE_ENV: Environment = 'development';

  /** PostgreSQL connection string; without it the launcher and the tests start an embedded server. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Folder for the embedded PostgreSQL data (development only). */
  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Secret that signs session cookies; at least 32 characters. */
  @IsString()
  @MinLength(32)
  SESSION_SECRET = 'development-only-session-secret-change-me-please';

  @IsInt()
  @Min(60)
  SESSION_TTL_SECONDS = 8 * 60 * 60;

  /** Send cookies only over HTTPS (set to true behind TLS). */
  @IsBoolean()
  COOKIE_SECURE = false;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * Trust X-Forwarded-For from a reverse proxy (true only when the portals are reachable through
   * that proxy alone): the login rate limit per address uses the client address.
   */
  @IsBoolean()
  TRUST_PROXY = false;

  /** Logins allowed per minute for one address and for one account. */
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'warn';

  /**
   * Master keys that wrap the per-case keys of private notes, as `version:base64` pairs
   * (32 bytes each), comma-separated; the highest version wraps new keys. Only the worker portal
   * is configured with it: the partner portals never see notes.
   */
  @IsOptional()
  @IsString()
  NOTES_MASTER_KEYS?: string;

  /** SMTP server for e-mail notifications, e.g. `smtp://user:pass@mail.example:587`; unset = no e-mail (logged instead). */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  /** Sender of e-mail notifications. */
  @IsString()
  MAIL_FROM = 'Woonbrug <no-reply@woonbrug.example>';

  /** How often the worker portal scans deadlines and closes ended aftercare; 0 turns the scan off. */
  @IsInt()
  @Min(0)
  DEADLINE_SCAN_INTERVAL_SECONDS = 900;

  /**
   * Months after closing (or declining) after which a case is anonymised: names, addresses, free
   * text, facts, notes and forms go; the figures stay. Sixty months by default — set it to what
   * the organisation's retention schedule says.
   */
  @IsInt()
  @Min(1)
  RETENTION_MONTHS = 60;

  /** How often the worker portal runs the retention job; 0 turns it off (run `npm run retention:run` instead). */
  @IsInt()
  @Min(0)
  RETENTION_SCAN_INTERVAL_SECONDS = 86_400;

  /**
   * Longest a single SQL statement may run (ms) before PostgreSQL cancels it and the request
   * answers 503 TIMEOUT; also how long a request waits for a free pool connection.
   */
  @IsInt()
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS = 5000;

  /** Comma-separated origins allowed to send state-changing requests (reverse proxies with another host). */
  @IsOptional()
  @IsString()
  TRUSTED_ORIGINS?: string;
}

function coerce(raw: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === '') continue;
    if (/^\d+$/.test(value) && !['SESSION_SECRET', 'DATABASE_URL', 'NOTES_MASTER_KEYS', 'SMTP_URL', 'MAIL_FROM'].includes(key)) out[key] = Number(value);
    else if (value === 'true' || value === 'false') out[key] = value === 'true';
    else out[key] = value;
  }
  return out;
}

/**
 * Reads and validates the configuration. Throws with every problem listed, so that a
 * misconfigured deployment stops at boot instead of failing on the first request.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = new Set(Object.keys(new AppConfig()).concat(['DATABASE_URL', 'PORT', 'TRUSTED_ORIGINS', 'NOTES_MASTER_KEYS', 'SMTP_URL']));
  const relevant = Object.fromEntries(Object.entries(env).filter(([k]) => known.has(k)));
  const config = plainToInstance(AppConfig, coerce(relevant));
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (config.NODE_ENV === 'production' && config.SESSION_SECRET === new AppConfig().SESSION_SECRET) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET must be set in production');
  }
  return config;
}
