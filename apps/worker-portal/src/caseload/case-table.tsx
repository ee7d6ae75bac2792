import type { CaseSummary } from '@woonbrug/cases';
import type { PageContext } from '@woonbrug/web';

/**
 * Cases as a table, each opening in one click: the caseload (with the municipality and the worker)
 * and the search results (with the address). A named, focusable region, so that it scrolls at 320 px.
 */
export function CaseTable({
  ctx,
  name,
  cases,
  place,
  workerOf,
}: {
  ctx: PageContext;
  /** What the table is, for its region's label. */
  name: string;
  cases: readonly CaseSummary[];
  place: 'municipality' | 'address';
  /** The worker column, when given. */
  workerOf?: (id: string | null) => string;
}): JSX.Element {
  const { t } = ctx;
  return (
    <div class="table-wrap" role="region" tabindex="0" aria-label={t('layout.tableRegion', { name })}>
      <table>
        <thead>
          <tr>
            <th scope="col" safe>{t('case.reference')}</th>
            <th scope="col" safe>{t('referral.field.tenantName')}</th>
            <th scope="col" safe>{t(place === 'address' ? 'referral.field.address' : 'referral.field.municipality')}</th>
            <th scope="col" safe>{t('case.stateLabel')}</th>
            {workerOf ? <th scope="col" safe>{t('case.worker')}</th> : ''}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr>
              <td>
                <a href={`/cases/${c.id}`} safe>
                  {c.reference}
                </a>
              </td>
              <td safe>{c.tenantName}</td>
              <td safe>{place === 'address' ? `${c.address}, ${c.municipality}` : c.municipality}</td>
              <td safe>{t(`case.state.${c.state}`)}</td>
              {workerOf ? <td safe>{workerOf(c.assignedWorkerId)}</td> : ''}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
