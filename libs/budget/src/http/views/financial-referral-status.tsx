import type { FinancialReferralStatus } from '../../domain/budget-counselling';
import type { PageContext } from '@woonbrug/web';

const CLASS_OF_STATUS: Record<FinancialReferralStatus, string> = { pending: 'status-pending', accepted: 'status-handled', declined: 'status-declined' };

/** The status of a financial referral, in words as well as colour. */
export function FinancialReferralStatusBadge({ ctx, status }: { ctx: PageContext; status: FinancialReferralStatus }): JSX.Element {
  return (
    <span class={`status ${CLASS_OF_STATUS[status]}`} safe>
      {ctx.t(`budget.status.${status}`)}
    </span>
  );
}
