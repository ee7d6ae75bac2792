import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PoliciesGuard } from './infrastructure/policies.guard';

/**
 * Installs the two global guards in their order: first authentication (the identity module's
 * session guard, passed in to keep this lib free of a portal), then the policy check.
 */
@Module({})
export class PoliciesModule {
  static withAuthentication(authenticationGuard: Type<unknown>, providedBy: DynamicModule): DynamicModule {
    return {
      module: PoliciesModule,
      imports: [providedBy],
      providers: [
        { provide: APP_GUARD, useExisting: authenticationGuard },
        { provide: APP_GUARD, useClass: PoliciesGuard },
      ],
    };
  }
}
