import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class AcceptReferralDto {
  @ApiProperty({ format: 'uuid', description: 'The outreach worker who takes the case' })
  @IsUUID()
  workerId!: string;
}

export class DeclineReferralDto {
  @ApiProperty({ maxLength: 2000, description: 'Why the case is not taken on; the referrer sees it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class AttachReferralDto {
  @ApiProperty({ format: 'uuid', description: 'The open case of the same household' })
  @IsUUID()
  openCaseId!: string;
}
