/** Injection token for the {@link Portal} an app serves. */
export const PORTAL = Symbol('woonbrug:portal');
