import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'woonbrug:public';

/**
 * Marks a route as reachable without logging in. Everything else is denied by the global
 * authentication guard. Exported by `@woonbrug/identity` as `Public`.
 */
export const PUBLIC_ROUTE = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
