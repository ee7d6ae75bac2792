import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_ANSWER_KINDS } from '../application/partner-answers';
import { DEADLINE_KINDS } from '../domain/deadline';

/** One deadline (OpenAPI description of the view the API returns). */
export class DeadlineResponse {
  @ApiProperty({ enum: DEADLINE_KINDS, description: 'hearing or eviction within 14 days, aftercare ending within 14 days, no contact for 14 days, referral not decided within 5 working days' })
  kind!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '2026-0042' }) reference!: string;
  @ApiProperty() tenantName!: string;
  @ApiProperty({ format: 'date', description: 'When it falls due; in the past when overdue' }) dueDate!: string;
  @ApiProperty({ description: 'Days from today to the due date; negative when overdue' }) daysLeft!: number;
}

export class DeadlineListResponse {
  @ApiProperty({ format: 'date', description: 'The day the list was computed for' }) today!: string;
  @ApiProperty({ type: [DeadlineResponse], description: 'Soonest (most overdue) first' }) items!: DeadlineResponse[];
}

/** An in-app notification. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [...DEADLINE_KINDS, ...PARTNER_ANSWER_KINDS], description: 'A deadline, or what a partner answered on the case' }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The case reference (never the tenant’s name)' }) reference!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Deadlines only' }) dueDate!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The partner organisation that answered (partner answers only)' }) organisation!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the user marked it read; null while unread' }) readAt!: string | null;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first, at most 100' }) items!: NotificationResponse[];
  @ApiProperty({ minimum: 0 }) unreadCount!: number;
}
