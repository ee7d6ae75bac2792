import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@woonbrug/kernel';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError, TransactionNotStartedError } from 'typeorm';
import { databaseFailureLog, databaseFailureOf } from './database-failure';
import { toProblem } from './problem-details.filter';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const translate = (_key: string, fallback: string) => fallback;

describe('databaseFailureOf', () => {
  it.each([
    ['57014', 'TIMEOUT'],
    ['55P03', 'TIMEOUT'],
    ['57P01', 'DATABASE_UNAVAILABLE'],
    ['57P03', 'DATABASE_UNAVAILABLE'],
    ['08006', 'DATABASE_UNAVAILABLE'],
    ['08P01', 'DATABASE_UNAVAILABLE'],
    ['53300', 'DATABASE_UNAVAILABLE'],
    ['ECONNREFUSED', 'DATABASE_UNAVAILABLE'],
    ['ECONNRESET', 'DATABASE_UNAVAILABLE'],
  ])('maps %s to %s', (code, expected) => {
    expect(databaseFailureOf(pgError(code))).toBe(expected);
  });

  it('looks inside TypeORM driver errors, causes and aggregate errors', () => {
    expect(databaseFailureOf(Object.assign(new Error('query failed'), { driverError: pgError('57014') }))).toBe('TIMEOUT');
    expect(databaseFailureOf(new Error('wrapped', { cause: pgError('57P01') }))).toBe('DATABASE_UNAVAILABLE');
    expect(databaseFailureOf(new AggregateError([pgError('ECONNREFUSED')], 'connect'))).toBe('DATABASE_UNAVAILABLE');
  });

  it('recognises node-postgres errors without a code', () => {
    expect(databaseFailureOf(new Error('Connection terminated unexpectedly'))).toBe('DATABASE_UNAVAILABLE');
    expect(databaseFailureOf(new Error('Client has encountered a connection error and is not queryable'))).toBe('DATABASE_UNAVAILABLE');
    expect(databaseFailureOf(new Error('timeout exceeded when trying to connect'))).toBe('TIMEOUT');
    const released = Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' });
    expect(databaseFailureOf(released)).toBe('DATABASE_UNAVAILABLE');
  });

  // TypeORM's own classes (not look-alikes), so that a rename in TypeORM fails here.
  it.each([
    ['QueryRunnerProviderAlreadyReleasedError', () => new QueryRunnerProviderAlreadyReleasedError()],
    ['QueryRunnerAlreadyReleasedError', () => new QueryRunnerAlreadyReleasedError()],
    ['TransactionNotStartedError', () => new TransactionNotStartedError()],
  ])('maps TypeORM’s %s (a transaction whose connection died) to DATABASE_UNAVAILABLE and 503', (_name, make) => {
    expect(databaseFailureOf(make())).toBe('DATABASE_UNAVAILABLE');
    expect(toProblem(make(), translate)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
  });

  it('leaves other errors alone (constraint violations, bugs)', () => {
    expect(databaseFailureOf(pgError('23505', 'duplicate key'))).toBeUndefined();
    expect(databaseFailureOf(pgError('42P01'))).toBeUndefined();
    expect(databaseFailureOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(databaseFailureOf(undefined)).toBeUndefined();
  });

  it('logs only the code and the message, never the query or its parameters', () => {
    const error = Object.assign(new Error('query failed'), {
      query: 'INSERT INTO private_note …',
      parameters: ['geheim'],
      driverError: pgError('57014', 'canceling statement due to statement timeout'),
    });
    expect(databaseFailureLog(error)).toEqual({ code: '57014', message: 'canceling statement due to statement timeout' });
  });
});

describe('toProblem for database failures', () => {
  it('answers 503 TIMEOUT for a cancelled statement and 503 DATABASE_UNAVAILABLE for a lost server', () => {
    expect(toProblem(pgError('57014'), translate)).toMatchObject({ status: HttpStatus.SERVICE_UNAVAILABLE, code: 'TIMEOUT' });
    expect(toProblem(pgError('ECONNREFUSED'), translate)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
  });

  it('keeps a domain error and an unexpected error as they were', () => {
    expect(toProblem(new DomainError('CASE_NOT_OPEN', 'conflict', 'closed'), translate)).toMatchObject({ status: 409 });
    expect(toProblem(pgError('23505'), translate)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });
});
