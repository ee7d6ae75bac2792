import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentAuditActor, type AuditActor } from '@woonbrug/audit';
import { CurrentUser, type AuthenticatedUser } from '@woonbrug/identity';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { buildOverviewDocument, renderOverviewPdf, TenantOverviewService } from '@woonbrug/tenant-overview';
import { html, Page, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { TenantOverviewPage } from './tenant-overview.page';

/**
 * The tenant's overview (GDPR art. 15) for the case's assigned worker to hand out: a page to print
 * and the same as PDF. Each one is an export, logged before it is sent.
 */
@ApiExcludeController()
@Controller('cases/:caseId')
export class TenantOverviewPagesController {
  constructor(private readonly overviews: TenantOverviewService) {}

  @Get('overview')
  @RequireAbility('read', 'TenantOverview')
  async page(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuditActor() who: AuditActor,
    @Param('caseId') caseId: string,
    @Res() reply: FastifyReply,
  ) {
    const page = await this.overviews.export(ability, user, who, caseId, 'html', (overview) =>
      TenantOverviewPage({ ctx, caseId, document: buildOverviewDocument(overview, ctx.t, ctx.lang) }),
    );
    return html(reply, page);
  }

  @Get('overview.pdf')
  @RequireAbility('read', 'TenantOverview')
  async pdf(
    @Page() ctx: PageContext,
    @UserAbility() ability: AppAbility,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuditActor() who: AuditActor,
    @Param('caseId') caseId: string,
    @Res() reply: FastifyReply,
  ) {
    const { reference, pdf } = await this.overviews.export(ability, user, who, caseId, 'pdf', async (overview) => ({
      reference: overview.case.reference,
      pdf: await renderOverviewPdf(buildOverviewDocument(overview, ctx.t, ctx.lang), ctx.t, new Date(overview.generatedAt)),
    }));
    // The file is named after the case reference, never the tenant: file names end up in download lists and logs.
    const filename = `woonbrug-${ctx.t('overview.filename')}-${reference.replace(/[^A-Za-z0-9-]/g, '')}.pdf`;
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `attachment; filename="${filename}"`)
      .header('Cache-Control', 'no-store')
      .send(pdf);
  }
}
