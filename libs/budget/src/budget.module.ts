import { Module } from '@nestjs/common';
import { AuditModule } from '@woonbrug/audit';
import { CasesModule } from '@woonbrug/cases';
import { BudgetService } from './application/budget.service';

/**
 * The OCMW's budget-counselling loop. Needs the identity module and the config module (for the
 * Clock) in the app, like the other case libs.
 */
@Module({
  imports: [CasesModule, AuditModule],
  providers: [BudgetService],
  exports: [BudgetService],
})
export class BudgetModule {}
