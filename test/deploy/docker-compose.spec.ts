/**
 * docker-compose.yml passes what `docker compose config` checks (YAML, interpolation, the Compose
 * Specification schema), and deploys what issue 9 asks for: the production build of the portals
 * and the migration, PostgreSQL, health checks, start-up ordered by health, and secrets that come
 * only from the environment. Runs without Docker (CI has none).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ComposeFile,
  type ComposeValue,
  composeSchemaValidator,
  formatSchemaErrors,
  type Interpolation,
  interpolate,
  interpolateFile,
  InterpolationError,
  parseCompose,
} from './compose-file';

const ROOT = join(__dirname, '..', '..');
const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const validate = composeSchemaValidator();

const PORTALS = ['worker-portal', 'landlord-portal', 'ocmw-portal'] as const;
const SECRETS = ['POSTGRES_PASSWORD', 'SESSION_SECRET', 'NOTES_MASTER_KEYS'] as const;
// What an operator exports before `docker compose up`: values nobody would write into the file.
const ENV = {
  POSTGRES_PASSWORD: 'pg-password-from-env-7f3a',
  SESSION_SECRET: 'session-secret-from-env-0123456789abcdef0123',
  NOTES_MASTER_KEYS: '1:bm90ZXMtbWFzdGVyLWtleS1mcm9tLWVudi0zMmJ5dGVz',
};

type Service = {
  build?: ComposeValue;
  image?: string;
  command?: string[];
  restart?: string;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period: string };
};

function services(file: ComposeFile): Record<string, Service> {
  return file.services as unknown as Record<string, Service>;
}

function clone(): ComposeFile {
  return parseCompose(text);
}

function expectValid(file: ComposeFile): void {
  const result = validate(file);
  if (!result.valid) throw new Error(`docker-compose.yml does not match the Compose Specification:\n${formatSchemaErrors(result.errors)}`);
}

// Go's time.ParseDuration, which Compose applies to the health-check timings.
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;

describe('docker-compose.yml: what `docker compose config` checks', () => {
  it('parses as YAML without errors, warnings or duplicate keys', () => {
    expect(() => parseCompose(text)).not.toThrow();
  });

  it('validates against the Compose Specification schema, as written and once interpolated', () => {
    const file = clone();
    expectValid(file);
    expectValid(interpolateFile(file, ENV));
  });

  it('rejects a broken copy: the validator is live', () => {
    const unknownKey = clone();
    (services(unknownKey)['worker-portal'] as Record<string, unknown>).helthcheck = {};
    expect(validate(unknownKey)).toMatchObject({ valid: false, errors: expect.arrayContaining([expect.objectContaining({ instancePath: '/services/worker-portal', keyword: 'additionalProperties' })]) });

    const numericInterval = clone();
    (services(numericInterval).postgres.healthcheck as Record<string, unknown>).interval = 5;
    expect(validate(numericInterval)).toMatchObject({ valid: false, errors: expect.arrayContaining([expect.objectContaining({ instancePath: '/services/postgres/healthcheck/interval', keyword: 'type' })]) });

    const unknownCondition = clone();
    services(unknownCondition)['ocmw-portal'].depends_on!.postgres.condition = 'service_ready';
    expect(validate(unknownCondition).valid).toBe(false);

    const unknownTopLevel = clone();
    unknownTopLevel.service = {};
    expect(validate(unknownTopLevel).valid).toBe(false);
  });

  it('has only well-formed ${…} interpolations, and refuses ill-formed ones as Compose does', () => {
    const seen: Interpolation[] = [];
    expect(() => interpolateFile(clone(), ENV, seen)).not.toThrow();
    expect(seen.filter((s) => s.kind === 'variable').length).toBeGreaterThan(0);

    for (const bad of ['${POSTGRES_PASSWORD', '${}', '${1PASSWORD}', '${POSTGRES_PASSWORD:x}', '${POSTGRES PASSWORD}', 'price: 5$', '$-']) {
      expect(() => interpolate(bad, ENV)).toThrow(InterpolationError);
    }
    expect(interpolate('$${HOME} ${A:-x${B:-y}} ${A-z} ${C:+set} $C', { C: 'c' })).toBe('${HOME} xy z set c');
  });

  it('refuses to start without each secret, naming the variable', () => {
    for (const name of SECRETS) {
      const env: Record<string, string | undefined> = { ...ENV, [name]: undefined };
      expect(() => interpolateFile(clone(), env)).toThrow(new RegExp(`required variable ${name} is missing a value`));
      expect(() => interpolateFile(clone(), { ...ENV, [name]: '' })).toThrow(InterpolationError);
    }
  });
});

describe('docker-compose.yml: the deployment issue 9 asks for', () => {
  const file = clone();
  const all = services(file);
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

  it('runs PostgreSQL with its data on a named volume and a pg_isready health check', () => {
    const pg = all.postgres;
    expect(pg.image).toMatch(/^postgres:\d+/);
    expect(pg.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(Object.keys(file.volumes as object)).toContain('postgres-data');
  });

  it('builds the portals and the migration from the production stage of the Dockerfile', () => {
    // `build: .` builds the Dockerfile's last stage: it must be the production runtime.
    const stages = [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]);
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(stages.at(-1)).toBe('runtime');
    expect(lastStage).toMatch(/NODE_ENV=production/);
    expect(lastStage).toMatch(/^USER node$/m);

    for (const name of [...PORTALS, 'migrate']) {
      const service = all[name];
      expect({ name, build: service.build, image: service.image }).toEqual({ name, build: '.', image: 'woonbrug:latest' });
      expect(service.environment?.NODE_ENV).toBe('production');
      const [node, script] = service.command ?? [];
      expect(node).toBe('node');
      // The compiled entry point comes from a source file that exists (`npm run build`: swc into dist/).
      expect(script).toMatch(/^dist\/.+\.js$/);
      expect(existsSync(join(ROOT, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
    expect(all['worker-portal'].command?.[1]).toBe('dist/apps/worker-portal/src/main.js');
    expect(all.migrate.command?.[1]).toBe('dist/libs/database/src/cli/migrate.js');
  });

  it('gives every long-running service a health check; the one-shot migration is awaited to completion instead', () => {
    for (const [name, service] of Object.entries(all)) {
      if (name === 'migrate') continue;
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
      const check = service.healthcheck;
      expect(check?.test.length).toBeGreaterThan(0);
      for (const timing of [check!.interval, check!.timeout, check!.start_period]) expect(timing).toMatch(GO_DURATION);
      expect(check!.retries).toBeGreaterThan(0);
    }
    expect(all.migrate.restart).toBe('no');
    expect(all.migrate.healthcheck).toBeUndefined();
  });

  it('checks each portal on its own port, the port it listens on and publishes', () => {
    for (const name of PORTALS) {
      const service = all[name];
      const port = service.environment?.PORT;
      expect(port).toMatch(/^\d+$/);
      expect(service.ports).toEqual([`${port}:${port}`]);
      expect(service.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    }
  });

  it('starts the portals only once PostgreSQL is healthy and the migration has completed', () => {
    expect(all.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const name of PORTALS) {
      expect({ name, depends_on: all[name].depends_on }).toEqual({
        name,
        depends_on: { postgres: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } },
      });
    }
  });

  it('takes every secret from the environment, required and without a default; none is written in the file', () => {
    const seen: Interpolation[] = [];
    const deployed = interpolateFile(file, ENV, seen);
    const uses = seen.filter((s): s is Extract<Interpolation, { kind: 'variable' }> => s.kind === 'variable');
    for (const name of SECRETS) {
      const ofSecret = uses.filter((u) => u.name === name);
      expect(ofSecret.length).toBeGreaterThan(0);
      // `${NAME:?message}` only: a default (`:-`, `-`) would be a secret written in the file.
      for (const use of ofSecret) expect({ name, operator: use.operator }).toEqual({ name, operator: ':?' });
    }

    for (const [name, service] of Object.entries(all)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET|KEYS?$/.test(key)) expect({ service: name, key, value }).toEqual({ service: name, key, value: expect.stringMatching(new RegExp(`^\\$\\{${key}:\\?[^}]*\\}$`)) });
      }
      const url = services(deployed)[name].environment?.DATABASE_URL;
      if (url) {
        // The credentials in the connection string are the operator's, nothing else.
        expect(decodeURIComponent(new URL(url).password)).toBe(ENV.POSTGRES_PASSWORD);
      }
    }
    expect(services(deployed).postgres.environment?.POSTGRES_PASSWORD).toBe(ENV.POSTGRES_PASSWORD);
    // Only the worker portal holds the key of the private notes (DESIGN.md §3).
    expect(Object.entries(all).filter(([, s]) => s.environment?.NOTES_MASTER_KEYS).map(([n]) => n)).toEqual(['worker-portal']);
  });
});
