import { ApiProperty, ApiPropertyOptional, type OpenAPIObject } from '@nestjs/swagger';
import type { Problem } from './problem';

/** One field of the request that failed validation. */
export class ProblemFieldError {
  @ApiProperty({ example: 'tenantName', description: 'The field, dotted for nested fields.' })
  field!: string;

  @ApiProperty({ example: 'TOO_LONG', description: 'Stable code of what is wrong with it.' })
  code!: string;

  @ApiProperty({ example: 'Deze tekst is te lang.', description: 'The message in the caller’s language.' })
  message!: string;
}

/**
 * The OpenAPI schema of every error the API answers (RFC 9457 problem details, as
 * ProblemDetailsFilter writes them, `application/problem+json`). Registered once per portal
 * document as `ProblemDetails`; every 4xx and 5xx response of the document refers to it.
 */
export class ProblemDetails implements Problem {
  @ApiProperty({ example: 'urn:woonbrug:problem:validation_failed' })
  type!: string;

  @ApiProperty({ example: 'De aanvraag bevat ongeldige velden.', description: 'Human-readable summary in the caller’s language.' })
  title!: string;

  @ApiProperty({ example: 400, minimum: 400, maximum: 599 })
  status!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable error code (e.g. NOT_FOUND, CONSENT_EXPIRED, STALE_VERSION).' })
  code!: string;

  @ApiPropertyOptional({ example: 'The request has invalid fields' })
  detail?: string;

  @ApiPropertyOptional({ type: [ProblemFieldError], description: 'Per field, when the request failed validation.' })
  errors?: ProblemFieldError[];
}

/** The media type of error bodies. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A JSON reference to the shared schema. */
export const PROBLEM_DETAILS_REF = '#/components/schemas/ProblemDetails';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Default wording of the 401 every API route may answer (authentication is a global guard). */
export const UNAUTHENTICATED_DESCRIPTION = 'Not signed in on this portal, or the session ended (problem details, code NOT_AUTHENTICATED).';

/** Default wording of the 400 of a route with input (the validation pipe is global). */
export const INVALID_INPUT_DESCRIPTION = 'The request failed validation (problem details, code VALIDATION_FAILED, with the fields in `errors`).';

/**
 * Makes every error response of the document a problem details body: the controllers name the
 * statuses and why; the body is always the one `ProblemDetails` schema, so it is written once.
 * An operation that takes a body or query parameters and names no 400 gets the validation
 * pipe's, which every route passes through.
 */
export function documentProblemDetails(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const takesInput = Boolean(operation.requestBody) || (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'query');
      if (takesInput && !operation.responses['400']) operation.responses['400'] = { description: INVALID_INPUT_DESCRIPTION };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || !/^[45]\d\d$/.test(status) || '$ref' in response) continue;
        response.content = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_DETAILS_REF } } };
      }
    }
  }
  return document;
}
