import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_TTL_HOURS } from './idempotency-key';

export const IDEMPOTENT_ROUTE = 'woonbrug:idempotent';

/**
 * Opts a JSON write in to the `Idempotency-Key` header (IETF draft): a retry with the same key and
 * request gets the first answer again and writes nothing. Only for routes whose answer the caller
 * may read anyway and that carry no private-note text (the answer is stored for 24 hours).
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_ROUTE, true),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH },
      description:
        `Optional, 1–${IDEMPOTENCY_KEY_MAX_LENGTH} printable characters (e.g. a UUID), kept ${IDEMPOTENCY_KEY_TTL_HOURS} h per user. ` +
        'A retry with the same key and request answers the first response again (header `Idempotent-Replayed: true`) and writes nothing; ' +
        'the same key with a different request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first is still running, 409 `IDEMPOTENCY_KEY_IN_USE`.',
    }),
  );
}
