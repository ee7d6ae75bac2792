import { DomainError } from '@woonbrug/kernel';
import type { DateProblem } from './referral-dates';

export class InvalidReferralError extends DomainError {
  constructor(problems: ReadonlyArray<{ field: string; code: string; message: string }>) {
    super('VALIDATION_FAILED', 'invalid', 'The referral has invalid fields', problems);
  }

  static fromDates(problems: DateProblem[]): InvalidReferralError {
    return new InvalidReferralError(problems);
  }
}
