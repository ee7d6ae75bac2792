import type { HandlingStatus } from '@woonbrug/cases';
import type { PageContext } from '@woonbrug/web';

/** The traffic light, in words as well as colour (never colour alone). */
export function StatusBadge({ ctx, status }: { ctx: PageContext; status: HandlingStatus }): JSX.Element {
  return (
    <span class={`status status-${status}`} safe>
      {ctx.t(`referral.status.${status}`)}
    </span>
  );
}
