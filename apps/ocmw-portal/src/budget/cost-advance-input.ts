import { parseEuroAmount, type CostAdvanceInput } from '@woonbrug/budget';
import { validationFailed } from '@woonbrug/web';
import type { CostAdvanceDto } from './budget.dto';

/** The validated form or API body as the use case takes it: the amount in whole cents. */
export function costAdvanceInput(dto: CostAdvanceDto): CostAdvanceInput {
  const amountCents = parseEuroAmount(dto.amount);
  if (amountCents === null) throw validationFailed([{ field: 'amount', code: 'INVALID_FORMAT', message: 'amount must be a decimal euro amount' }]);
  return { amountCents, purpose: dto.purpose, advancedOn: dto.advancedOn, repaymentTerms: dto.repaymentTerms };
}
