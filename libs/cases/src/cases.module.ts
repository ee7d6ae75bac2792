import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesService } from './application/cases.service';
import { FactsService } from './application/facts.service';
import { CaseEntity } from './infrastructure/case.entity';

/** Trajectories: opening, the coordinator's decision, caseloads. Needs the identity module in the app. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity])],
  providers: [CasesService, FactsService],
  exports: [CasesService, FactsService],
})
export class CasesModule {}
