import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_ANSWER_KINDS } from '../application/partner-answers';
import { DEADLINE_KINDS } from '../domain/deadline';

/** One deadline (OpenAPI description of the view the API returns). */
export class DeadlineResponse {
  @ApiProperty({ enum: DEADLINE_KINDS, description: 'hearing or eviction within 14 days, aftercare ending within 14 days, no contact for 14 days, referral not decided within 5 working days' })
  kind!: string;
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) caseId!: string;
  @ApiProperty({ example: '2026-0042' }) reference!: string;
  @ApiProperty({ example: 'Jan Voorbeeld' }) tenantName!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20', description: 'When it falls due; in the past when overdue' }) dueDate!: string;
  @ApiProperty({ example: 3, description: 'Days from today to the due date; negative when overdue' }) daysLeft!: number;
}

export class DeadlineListResponse {
  @ApiProperty({ format: 'date', example: '2026-11-17', description: 'The day the list was computed for' }) today!: string;
  @ApiProperty({ type: [DeadlineResponse], description: 'Soonest (most overdue) first' }) items!: DeadlineResponse[];
}

/** An in-app notification. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }) id!: string;
  @ApiProperty({ enum: [...DEADLINE_KINDS, ...PARTNER_ANSWER_KINDS], description: 'A deadline, or what a partner answered on the case' }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-0042', description: 'The case reference (never the tenant’s name)' }) reference!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-11-20', description: 'Deadlines only' }) dueDate!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'OCMW Beveren', description: 'The partner organisation that answered (partner answers only)' }) organisation!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-17T07:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-17T10:00:00.000Z', description: 'When the user marked it read; null while unread' }) readAt!: string | null;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first, at most 100' }) items!: NotificationResponse[];
  @ApiProperty({ minimum: 0, example: 2 }) unreadCount!: number;
}
