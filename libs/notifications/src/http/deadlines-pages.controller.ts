import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { html, Page, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { DeadlinesService } from '../application/deadlines.service';
import { DeadlinesPage } from './views/deadlines.page';

/** The deadline list as a page. */
@ApiExcludeController()
@Controller('deadlines')
export class DeadlinesPagesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @RequireAbility('read', 'Case')
  async list(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Res() reply: FastifyReply) {
    return html(reply, DeadlinesPage({ ctx, items: await this.deadlines.list(ability) }));
  }
}
