/**
 * The demo organisations and one account per role and partner, shared by the seed, the launcher
 * (which prints them) and the tests (one fixture actor per persona). Demo data only: the seed
 * refuses to run in production.
 */
export const DEMO_PASSWORD = 'Woonbrug-demo-2026';

export const DEMO_ORGANISATIONS = [
  { key: 'outreach', name: 'Bemoeizorg Waasland vzw (demo)', kind: 'outreach', municipality: 'Beveren', bound: true },
  { key: 'gmh', name: 'GMH — Gewestelijke Maatschappij voor Huisvesting', kind: 'landlord', municipality: 'Beveren', bound: false },
  { key: 'bvt', name: 'BvT — Bouwmaatschappij van Temse (demo)', kind: 'landlord', municipality: 'Temse', bound: false },
  { key: 'ocmwBeveren', name: 'OCMW Beveren', kind: 'ocmw', municipality: 'Beveren', bound: true },
  { key: 'ocmwKruibeke', name: 'OCMW Kruibeke', kind: 'ocmw', municipality: 'Kruibeke', bound: true },
  { key: 'ocmwTemse', name: 'OCMW Temse', kind: 'ocmw', municipality: 'Temse', bound: true },
] as const;

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

export interface DemoAccount {
  readonly persona: string;
  readonly portal: 'worker' | 'landlord' | 'ocmw';
  readonly role: string;
  readonly organisation: DemoOrganisationKey | null;
  readonly email: string;
  readonly displayName: string;
  readonly phone?: string;
  /**
   * The account's TOTP secret (base32, RFC 6238): workers, coordinators and privacy officers log in
   * with a code after their password. Fixed and published for the demo only, so that a demo user
   * can add it to an authenticator app and the tests can compute codes; never for real accounts.
   */
  readonly secondFactorSecret?: string;
}

export const DEMO_ACCOUNTS = [
  { persona: 'coordinator', portal: 'worker', role: 'coordinator', organisation: 'outreach', email: 'coordinator@woonbrug.example', displayName: 'Hilde Coördinator (demo)', phone: '03 000 00 01', secondFactorSecret: 'NVKDXKAJNR4ZNU4OGO3ETHFQH6CUK7IC' },
  { persona: 'worker', portal: 'worker', role: 'worker', organisation: 'outreach', email: 'worker@woonbrug.example', displayName: 'Sofie Bemoeizorger (demo)', phone: '0470 00 00 02', secondFactorSecret: 'SNHNWXOHETI34RFHXDGXYOS7WRUCHTN6' },
  { persona: 'worker2', portal: 'worker', role: 'worker', organisation: 'outreach', email: 'worker2@woonbrug.example', displayName: 'Karim Bemoeizorger (demo)', phone: '0470 00 00 03', secondFactorSecret: 'NY46AOYZNV2V67EG4OBAJMTTCTN53UM4' },
  { persona: 'privacyOfficer', portal: 'worker', role: 'privacy_officer', organisation: 'outreach', email: 'privacy@woonbrug.example', displayName: 'Pieter Privacy (demo)', secondFactorSecret: 'F4YY2I4AZRMOCSL5LAR6WNGSDKXJED3I' },
  { persona: 'admin', portal: 'worker', role: 'admin', organisation: null, email: 'admin@woonbrug.example', displayName: 'Platformbeheerder (demo)' },
  { persona: 'gmh', portal: 'landlord', role: 'landlord_agent', organisation: 'gmh', email: 'gmh@woonbrug.example', displayName: 'An Verhuur (GMH, demo)' },
  { persona: 'bvt', portal: 'landlord', role: 'landlord_agent', organisation: 'bvt', email: 'bvt@woonbrug.example', displayName: 'Bart Verhuur (BvT, demo)' },
  { persona: 'ocmwBeveren', portal: 'ocmw', role: 'ocmw_agent', organisation: 'ocmwBeveren', email: 'ocmw.beveren@woonbrug.example', displayName: 'Els Maatschappelijk Werk (Beveren, demo)' },
  { persona: 'ocmwKruibeke', portal: 'ocmw', role: 'ocmw_agent', organisation: 'ocmwKruibeke', email: 'ocmw.kruibeke@woonbrug.example', displayName: 'Tom Maatschappelijk Werk (Kruibeke, demo)' },
  { persona: 'ocmwTemse', portal: 'ocmw', role: 'ocmw_agent', organisation: 'ocmwTemse', email: 'ocmw.temse@woonbrug.example', displayName: 'Lien Maatschappelijk Werk (Temse, demo)' },
] as const satisfies readonly DemoAccount[];

export type DemoPersona = (typeof DEMO_ACCOUNTS)[number]['persona'];
