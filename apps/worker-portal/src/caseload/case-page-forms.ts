import { Injectable } from '@nestjs/common';
import { DomainError } from '@woonbrug/kernel';
import type { AppAbility } from '@woonbrug/policies';
import { html, redirect, validateInput, type FieldProblem, type PageContext } from '@woonbrug/web';
import type { ClassConstructor } from 'class-transformer';
import type { FastifyReply } from 'fastify';
import { CaseWorkspaceLoader } from '../sharing/case-workspace';
import { CasePage } from './case.page';

/**
 * The one way a form on the case page is handled: validate with the API's DTO, act, then
 * post/redirect/get to the section; on a refusal, the case page again with the errors in that
 * section (400, or 409 when the case changed meanwhile).
 */
@Injectable()
export class CasePageForms {
  constructor(private readonly workspace: CaseWorkspaceLoader) {}

  async submit<T extends object>(
    ctx: PageContext,
    ability: AppAbility,
    caseId: string,
    reply: FastifyReply,
    section: string,
    dto: ClassConstructor<T>,
    values: Record<string, unknown>,
    act: (value: T) => Promise<{ id?: string } | unknown>,
  ) {
    const input = validateInput(dto, values);
    let problems: readonly FieldProblem[] = input.ok ? [] : input.problems;
    let message: string | undefined;
    let status = 400;
    if (input.ok) {
      try {
        const result = await act(input.value);
        const target = section === 'reopened' && result && typeof result === 'object' && 'id' in result ? String(result.id) : caseId;
        return redirect(reply, `/cases/${target}?saved=${section}#${section}`);
      } catch (error) {
        if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
        problems = error.details;
        message = ctx.t(`errors.${error.code}`);
        if (error.kind === 'conflict') status = 409;
      }
    }
    const errors = Object.fromEntries(problems.map((p) => [p.field, ctx.t(`errors.field.${p.code}`)]));
    const workspace = await this.workspace.load(ability, caseId);
    return html(reply, CasePage({ ctx, workspace, errors: { section, fields: errors, message, values } }), status);
  }
}
