import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import { html, Page, redirect, type PageContext } from '@woonbrug/web';
import type { FastifyReply } from 'fastify';
import { NotificationsService } from '../application/notifications.service';
import { NotificationsPage } from './views/notifications.page';

/** The caller's notifications as a page, with a form to mark one read (any portal may register it). */
@ApiExcludeController()
@Controller('notifications')
export class NotificationsPagesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequireAbility('read', 'Notification')
  async list(@Page() ctx: PageContext, @UserAbility() ability: AppAbility, @Query('read') read: string | undefined, @Res() reply: FastifyReply) {
    const list = await this.notifications.list(ability);
    return html(reply, NotificationsPage({ ctx, list, notice: read ? ctx.t('notifications.markedRead') : undefined }));
  }

  @Post(':id/read')
  @RequireAbility('update', 'Notification')
  async markRead(@UserAbility() ability: AppAbility, @Param('id') id: string, @Res() reply: FastifyReply) {
    const marked = await this.notifications.markRead(ability, id);
    return redirect(reply, `/notifications?read=1#notification-${marked.id}`);
  }
}
