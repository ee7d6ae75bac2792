import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../domain/role';

/** The signed-in user as the session API shows it (`publicUser`): no password hash, no second-factor secret. */
export class SessionUserResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id!: string;
  @ApiProperty({ format: 'email', example: 'gmh@woonbrug.example' }) email!: string;
  @ApiProperty({ example: 'An Verhuur' }) displayName!: string;
  @ApiProperty({ enum: ROLES, example: 'landlord_agent' }) role!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '5d7e2c1a-8b9f-4a3c-9d2e-1f0a2b3c4d5e', description: 'Null for an account without organisation' })
  organisationId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'GMH Waasland' }) organisationName!: string | null;
}

/** A new TOTP secret to add to an authenticator app (RFC 6238), given once, at the first login. */
export class SecondFactorEnrolmentResponse {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', description: 'The secret in base32, to type in by hand' }) secret!: string;
  @ApiProperty({
    example: 'otpauth://totp/Woonbrug:worker%40woonbrug.example?issuer=Woonbrug&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    description: 'The same secret as an otpauth URI (what the QR code on the login page holds)',
  })
  otpauthUri!: string;
}

/** The login waits for the code of the second factor. */
export class PendingSecondFactorResponse {
  @ApiProperty({ type: SecondFactorEnrolmentResponse, nullable: true, example: null, description: 'Only when the account has no second factor yet: the secret to enrol' })
  enrolment!: SecondFactorEnrolmentResponse | null;
}

/** What POST /api/session answers: a signed-in partner, or a login that waits for its second factor. */
export class LoginResponse {
  @ApiProperty({ type: SessionUserResponse, nullable: true, description: 'Null while the second factor is still to come' }) user!: SessionUserResponse | null;
  @ApiPropertyOptional({ type: PendingSecondFactorResponse, description: 'Only for roles that need the second factor (outreach workers, coordinators, privacy officers)' })
  secondFactor?: PendingSecondFactorResponse;
}

/** A user signed in with a full session. */
export class SignedInResponse {
  @ApiProperty({ type: SessionUserResponse }) user!: SessionUserResponse;
}

/** The session of the caller: the signed-in user, or null with whether a login waits for its code. */
export class CurrentSessionResponse {
  @ApiProperty({ type: SessionUserResponse, nullable: true, description: 'Null when not signed in' }) user!: SessionUserResponse | null;
  @ApiPropertyOptional({ example: false, description: 'Only when not signed in: a login in this session waits for its second-factor code' })
  secondFactorPending?: boolean;
}
