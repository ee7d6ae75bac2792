import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class SecondFactorDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code of the authenticator app (TOTP, RFC 6238).' })
  @IsString()
  @MaxLength(20)
  code!: string;
}
