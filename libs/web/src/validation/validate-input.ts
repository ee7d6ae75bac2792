import type { ValidationPipeOptions } from '@nestjs/common';
import { instanceToPlain, plainToInstance, type ClassConstructor, type ClassTransformOptions } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { DomainError } from '@woonbrug/kernel';

/**
 * Deepest nesting an input value may have. class-transformer recurses into every nested object
 * and overflows the stack on a body nested a few thousand levels deep (a 500); no DTO comes
 * close to this depth.
 */
export const MAX_INPUT_DEPTH = 32;

/** Whether a plain value nests deeper than `max` (iterative: the check itself cannot overflow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

function tooDeep(): DomainError {
  return validationFailed([{ field: 'body', code: 'INVALID_BODY', message: 'The request is nested too deeply' }]);
}

/** class-transformer for the API validation pipe, refusing over-deep input with 400 before transforming it. */
const DEPTH_LIMITED_TRANSFORMER: NonNullable<ValidationPipeOptions['transformerPackage']> = {
  plainToInstance<T>(cls: ClassConstructor<T>, plain: unknown, options?: ClassTransformOptions): T | T[] {
    if (nestsDeeperThan(plain, MAX_INPUT_DEPTH)) throw tooDeep();
    return plainToInstance(cls, plain, options) as T | T[];
  },
  classToPlain: (object: unknown, options?: ClassTransformOptions) => instanceToPlain(object, options),
};

/**
 * Validation options shared by the API pipe and page forms: unknown fields are refused. The pipe
 * also takes its depth-limited transformer from here (class-validator ignores that key).
 */
export const VALIDATOR_OPTIONS: ValidatorOptions & Pick<ValidationPipeOptions, 'transformerPackage'> = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transformerPackage: DEPTH_LIMITED_TRANSFORMER,
};

/** class-validator constraint names mapped to stable field error codes (translated in the catalogue). */
const CODE_OF_CONSTRAINT: Record<string, string> = {
  isNotEmpty: 'REQUIRED',
  isDefined: 'REQUIRED',
  maxLength: 'TOO_LONG',
  minLength: 'TOO_SHORT',
  isLength: 'TOO_LONG',
  arrayMaxSize: 'TOO_MANY',
  isIso8601: 'INVALID_DATE',
  isISO8601: 'INVALID_DATE',
  isDateString: 'INVALID_DATE',
  isIn: 'INVALID_CHOICE',
  isEnum: 'INVALID_CHOICE',
  isEmail: 'INVALID_EMAIL',
  isUuid: 'INVALID_ID',
  isUUID: 'INVALID_ID',
  isBoolean: 'INVALID_BOOLEAN',
  isString: 'INVALID_TEXT',
  isInt: 'INVALID_NUMBER',
  min: 'TOO_SMALL',
  max: 'TOO_LARGE',
  matches: 'INVALID_FORMAT',
  isPhoneNumber: 'INVALID_PHONE',
  whitelistValidation: 'UNKNOWN_FIELD',
  unknownValue: 'INVALID_BODY',
};

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

const PRIORITY = Object.keys(CODE_OF_CONSTRAINT);

/** One problem per field: `REQUIRED` when the value is missing, else the most telling constraint. */
function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const names = Object.keys(e.constraints ?? {}).sort((a, b) => rank(a) - rank(b));
    const own: FieldProblem[] = [];
    if (names.length > 0) {
      const name = names[0]!;
      const missing = e.value === undefined || e.value === null;
      own.push({
        field,
        code: missing && name !== 'whitelistValidation' ? 'REQUIRED' : (CODE_OF_CONSTRAINT[name] ?? 'INVALID'),
        message: e.constraints![name]!,
      });
    }
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function rank(constraint: string): number {
  const index = PRIORITY.indexOf(constraint);
  return index === -1 ? PRIORITY.length : index;
}

/** The error the API returns for a body that fails its DTO: 400 problem details with field codes. */
export function validationFailed(problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid', 'The request has invalid fields', problems);
}

export function exceptionFactory(errors: ValidationError[]): DomainError {
  return validationFailed(flatten(errors));
}

/**
 * Validates a plain object (an HTML form post) against a DTO class with the same rules as the
 * API, returning the typed value or the field problems.
 */
export function validateInput<T extends object>(
  dto: ClassConstructor<T>,
  plain: unknown,
): { ok: true; value: T } | { ok: false; problems: FieldProblem[] } {
  if (nestsDeeperThan(plain, MAX_INPUT_DEPTH)) return { ok: false, problems: tooDeep().details.map((d) => ({ ...d })) };
  const value = plainToInstance(dto, plain ?? {}, { enableImplicitConversion: false });
  const errors = validateSync(value, VALIDATOR_OPTIONS);
  return errors.length === 0 ? { ok: true, value } : { ok: false, problems: flatten(errors) };
}

/**
 * Turns an urlencoded form body into the plain object a DTO expects: empty fields are absent,
 * and the named yes/no fields become booleans.
 */
export function fromForm(body: unknown, booleanFields: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value === '' || value === undefined) continue;
    if (booleanFields.includes(key) && typeof value === 'string') out[key] = value === 'true' || value === 'on';
    else out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}
