/** A summary is a draft its author edits until it is shared with the peers, who then answer. */
export const INTERVISION_STATES = ['draft', 'shared'] as const;
export type IntervisionState = (typeof INTERVISION_STATES)[number];

/** Text limits, the same in the DTOs and the database (after stripping: placeholders can be longer than what they replace). */
export const INTERVISION_TEXT_LIMITS = {
  title: 200,
  question: 2000,
  body: 10_000,
  reply: 4000,
} as const;

export type IntervisionTextField = keyof typeof INTERVISION_TEXT_LIMITS;

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** Blank or, after stripping, too long for the field. */
export function checkTexts(values: Partial<Record<IntervisionTextField, string>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(values) as Array<[IntervisionTextField, string | undefined]>) {
    if (value === undefined) continue;
    if (value.trim() === '') problems.push({ field, code: 'REQUIRED', message: `${field} must not be blank` });
    else if (value.length > INTERVISION_TEXT_LIMITS[field]) {
      problems.push({ field, code: 'TOO_LONG', message: `${field} is longer than ${INTERVISION_TEXT_LIMITS[field]} characters once identifiers are replaced` });
    }
  }
  return problems;
}

/** Cuts a text to `limit` characters at the last line break before it, so no placeholder is cut in half. */
export function cutAtLine(text: string, limit: number, marker = '…'): string {
  if (text.length <= limit) return text;
  const room = limit - marker.length - 1;
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > 0 ? cut : room).trimEnd()}\n${marker}`;
}
