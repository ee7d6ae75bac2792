import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseLifecycleService } from './application/case-lifecycle.service';
import { CasesService } from './application/cases.service';
import { FactsService } from './application/facts.service';
import { ProcedureService } from './application/procedure.service';
import { CaseEntity } from './infrastructure/case.entity';

/** Trajectories: opening, the coordinator's decision, caseloads. Needs the identity module in the app. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity])],
  providers: [CasesService, FactsService, CaseLifecycleService, ProcedureService],
  exports: [CasesService, FactsService, CaseLifecycleService, ProcedureService],
})
export class CasesModule {}
