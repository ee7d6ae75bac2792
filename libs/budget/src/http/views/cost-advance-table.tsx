import type { PageContext } from '@woonbrug/web';
import type { FinancialReferralView } from '../../application/budget-views';
import { formatEuro } from '../../domain/euro-amount';

/** The cost advances of a referral, amounts the Belgian way, with their total. */
export function CostAdvanceTable({ ctx, referral }: { ctx: PageContext; referral: FinancialReferralView }): JSX.Element {
  const { t } = ctx;
  if (referral.costAdvances.length === 0) return <p safe>{t('budget.noAdvances')}</p>;
  return (
    <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name: t('budget.detail.advances') })}>
      <table>
        <caption class="visually-hidden" safe>
          {t('budget.detail.advances')}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('budget.field.advancedOn')}</th>
            <th scope="col" safe>{t('budget.field.amountShown')}</th>
            <th scope="col" safe>{t('budget.field.purpose')}</th>
            <th scope="col" safe>{t('budget.field.repaymentTerms')}</th>
          </tr>
        </thead>
        <tbody>
          {referral.costAdvances.map((a) => (
            <tr>
              <td safe>{a.advancedOn}</td>
              <td safe>{a.amountFormatted}</td>
              <td safe>{a.purpose}</td>
              <td safe>{a.repaymentTerms}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" safe>
              {t('budget.total')}
            </th>
            <td safe>{formatEuro(referral.costAdvances.reduce((sum, a) => sum + a.amountCents, 0))}</td>
            <td colspan="2"></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
