import { Secret, TOTP } from 'otpauth';
import { toString as qrCodeToString } from 'qrcode';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_WINDOW } from '../domain/second-factor';

const ISSUER = 'Woonbrug';

function totpOf(secret: string, email = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** A new random secret (160 bits, as RFC 4226 recommends), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI that authenticator apps read from the QR code. */
export function otpauthUri(secret: string, email: string): string {
  return totpOf(secret, email).toString();
}

/** The QR code of the URI, as an SVG document (drawn on the server: no script on the page). */
export function qrCodeSvg(uri: string): Promise<string> {
  return qrCodeToString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * The time step (`floor(unix seconds / 30)`) whose code `code` is, within ±1 step of `now`, or
 * null when it matches none. The caller accepts it only when it is later than the last step used.
 */
export function matchingTimeStep(secret: string, code: string, now: number): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
