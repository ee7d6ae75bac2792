import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireAbility, UserAbility, type AppAbility } from '@woonbrug/policies';
import type { NotificationList, NotificationView } from '../application/notification-views';
import { NotificationsService } from '../application/notifications.service';
import { NotificationListResponse, NotificationResponse } from './notifications.dto';

/** The caller's own in-app notifications (any portal may register this controller). */
@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsApiController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequireAbility('read', 'Notification')
  @ApiOkResponse({ type: NotificationListResponse, description: 'The caller’s notifications, newest first, and how many are unread.' })
  list(@UserAbility() ability: AppAbility): Promise<NotificationList> {
    return this.notifications.list(ability);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequireAbility('update', 'Notification')
  @ApiOkResponse({ type: NotificationResponse, description: 'The notification, marked read (marking it again keeps the first time).' })
  @ApiNotFoundResponse({ description: 'No such notification, or someone else’s (both answer the same).' })
  markRead(@UserAbility() ability: AppAbility, @Param('id') id: string): Promise<NotificationView> {
    return this.notifications.markRead(ability, id);
  }
}
