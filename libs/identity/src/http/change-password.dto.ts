import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** The length rules of new passwords are the policy's (12–128 code points); this only bounds the input. */
export class ChangePasswordDto {
  @ApiProperty({ example: 'the password used to log in' })
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ example: 'a long passphrase of at least 12 characters', description: '12 to 128 characters; not a common password; not containing the e-mail address.' })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}
