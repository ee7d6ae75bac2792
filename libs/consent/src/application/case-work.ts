import { CasesService, type CaseSummary } from '@woonbrug/cases';
import { NotFoundError } from '@woonbrug/kernel';
import { subject, type Action, type AppAbility } from '@woonbrug/policies';

/**
 * Loads a case for work on its consents or disclosures: only its assigned worker may; anyone
 * else gets exactly what a missing case gives.
 */
export async function caseForWork(
  cases: CasesService,
  ability: AppAbility,
  action: Action,
  subjectName: 'Consent' | 'Disclosure',
  caseId: string,
): Promise<CaseSummary> {
  const found = await cases.get(ability, caseId);
  if (!ability.can(action, subject(subjectName, { caseWorkerId: found.assignedWorkerId }))) throw new NotFoundError('Case');
  return found;
}
