import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditSearchService, AuditTrail, auditEventsCsv, CurrentAuditActor, type AuditActor } from '@woonbrug/audit';
import { IdentityService } from '@woonbrug/identity';
import { RequireAbility } from '@woonbrug/policies';
import { fromForm, html, Page, validateInput, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { AuditEventListResponse, AuditSearchDto } from './audit-search.dto';
import { AuditLogPage } from './audit-log.page';

/** The privacy officer's view of the disclosure log: who saw what, when — never case content. */
@ApiTags('audit')
@Controller()
export class AuditLogController {
  constructor(
    private readonly search: AuditSearchService,
    private readonly trail: AuditTrail,
    private readonly identity: IdentityService,
  ) {}

  @Get('api/audit-events')
  @RequireAbility('read', 'AuditEvent')
  @ApiOkResponse({ type: AuditEventListResponse, description: 'Events matching the filters, newest first (at most 500).' })
  async list(@Query() filter: AuditSearchDto) {
    return { items: await this.search.search(filter) };
  }

  @Get('api/audit-events.csv')
  @RequireAbility('read', 'AuditEvent')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    content: { 'text/csv': { schema: { type: 'string', example: 'id,occurredAt,eventType,outcome,action,user,role,organisation,caseReference,subject,category,fields,consentId,portal,clientAddress\n' } } },
    description: 'The same as CSV; cells that a spreadsheet would run as formulas are neutralised. The export itself is logged.',
  })
  async csv(@Query() filter: AuditSearchDto, @CurrentAuditActor() who: AuditActor, @Res() reply: FastifyReply) {
    const events = await this.search.search(filter);
    await this.trail.record(who, [{ eventType: 'export', outcome: 'allowed', action: 'export', subject: 'audit_event', fields: Object.keys(filter) }]);
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="woonbrug-toegangslog.csv"')
      .header('Cache-Control', 'no-store')
      .send(auditEventsCsv(events));
  }

  @Get('audit')
  @ApiExcludeEndpoint()
  @RequireAbility('read', 'AuditEvent')
  async page(@Page() ctx: PageContext, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    const values = fromForm(query, []);
    delete values.lang;
    const input = validateInput(AuditSearchDto, values);
    const organisations = [...(await this.identity.listOrganisations('landlord')), ...(await this.identity.listOrganisations('ocmw')), ...(await this.identity.listOrganisations('outreach'))];
    if (!input.ok) {
      const errors = Object.fromEntries(input.problems.map((p) => [p.field, ctx.t(`errors.field.${p.code}`)]));
      return html(reply, AuditLogPage({ ctx, values, errors, events: [], organisations }), 400);
    }
    return html(reply, AuditLogPage({ ctx, values, errors: {}, events: await this.search.search(input.value), organisations }));
  }
}
