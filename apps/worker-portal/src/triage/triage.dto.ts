import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class AcceptReferralDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'The outreach worker who takes the case' })
  @IsUUID()
  workerId!: string;
}

export class DeclineReferralDto {
  @ApiProperty({ maxLength: 2000, example: 'Enkel huurachterstal, geen woonprobleem: doorverwezen naar het OCMW.', description: 'Why the case is not taken on; the referrer sees it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class AttachReferralDto {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'The open case of the same household' })
  @IsUUID()
  openCaseId!: string;
}
