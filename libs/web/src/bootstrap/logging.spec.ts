import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { REDACTED_LOG_PATHS, requestIdOf, serializeError, serializeRequest, serializeResponse } from './logging';

function capture() {
  const lines: string[] = [];
  const logger = pino(
    {
      level: 'debug',
      redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
      serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    },
    { write: (chunk: string) => void lines.push(chunk) },
  );
  return { logger, text: () => lines.join('') };
}

describe('request ids', () => {
  it('adopts a well-formed X-Request-Id and replaces anything else by a fresh UUID', () => {
    expect(requestIdOf({ headers: { 'x-request-id': 'abcd-1234-EFGH' } })).toBe('abcd-1234-EFGH');
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(requestIdOf({ headers: { 'x-request-id': uuid } })).toBe(uuid);
    for (const bad of ['short', 'a'.repeat(65), 'abc def ghi', 'abcdefgh\n{"level":60}', 'ab"cdefghij', undefined]) {
      const id = requestIdOf({ headers: bad === undefined ? {} : { 'x-request-id': bad } });
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdOf({ headers: {} })).not.toBe(requestIdOf({ headers: {} }));
  });
});

describe('log lines', () => {
  it('cannot be forged by a newline in a logged value: JSON escapes it and the line stays one line', () => {
    const { logger, text } = capture();
    const forged = 'x\n{"level":60,"msg":"forged","req":{"id":"evil"}}\r\n';
    logger.info({ value: forged, req: { id: 'r1', method: 'GET', url: `/a${forged}?q=${forged}` } }, `message ${forged}`);
    const lines = text().split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!);
    expect(parsed.value).toBe(forged);
    expect(parsed.msg).toBe(`message ${forged}`);
    expect(parsed.req).toEqual({ id: 'r1', method: 'GET', url: `/a${forged}` });
  });

  it('never carries a body, password, cookie, session id or response header', () => {
    const { logger, text } = capture();
    logger.info(
      {
        req: { id: 'r1', method: 'POST', url: '/api/session?email=jan@example.org', headers: { cookie: 'woonbrug_worker=s%3Asecret' }, body: { password: 'Geheim-1' } },
        res: { statusCode: 200, headers: { 'set-cookie': 'woonbrug_worker=s%3Asecret' }, body: 'Jan Peeters' },
        body: { tenantName: 'Jan Peeters' },
        password: 'Geheim-2',
        login: { password: 'Geheim-3', sessionId: 'sess-123', cookie: 'woonbrug_worker=abc' },
      },
      'request',
    );
    const line = text();
    for (const secret of ['jan@example.org', 'secret', 'Geheim', 'Jan Peeters', 'sess-123', 'abc']) expect(line).not.toContain(secret);
    expect(JSON.parse(line).req).toEqual({ id: 'r1', method: 'POST', url: '/api/session' });
    expect(JSON.parse(line).res).toEqual({ statusCode: 200 });
  });

  it('logs a failed query without its parameters, SQL, detail or the values in its message', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "Jan Peeters"'), {
      severity: 'ERROR',
      code: '22P02',
      detail: 'Failing row contains (Jan Peeters, Kerkstraat 1).',
      table: 'fact',
      column: 'body',
      constraint: 'fact_body_check',
    });
    const error = new QueryFailedError('INSERT INTO fact (body) VALUES ($1)', ['Jan Peeters woont Kerkstraat 1', Buffer.from('ciphertext')], driverError);
    const { logger, text } = capture();
    logger.error({ err: error, url: '/api/cases' }, 'request failed');
    const line = text();
    for (const secret of ['Jan Peeters', 'Kerkstraat', 'ciphertext', 'INSERT INTO', 'Failing row']) expect(line).not.toContain(secret);
    const err = JSON.parse(line).err;
    expect(err).toMatchObject({ type: 'QueryFailedError', code: '22P02', table: 'fact', column: 'body', constraint: 'fact_body_check' });
    expect(err.message).toBe('invalid input syntax for type uuid: "…"');
    expect(err.stack).toContain('logging.spec');
  });

  it('keeps an ordinary error readable, with its cause', () => {
    const { logger, text } = capture();
    logger.error({ err: new Error('outer', { cause: new TypeError('inner') }) }, 'request failed');
    expect(JSON.parse(text()).err).toMatchObject({ type: 'Error', message: 'outer', cause: { type: 'TypeError', message: 'inner' } });
  });
});
