import { createPortalApp, listenPortal } from '@woonbrug/web';
import { LandlordPortalModule } from './landlord-portal.module';

export const LANDLORD_PORTAL = { portal: 'landlord', title: 'Verhuurdersportaal', defaultPort: 3002 } as const;

async function bootstrap(): Promise<void> {
  const app = await createPortalApp(LandlordPortalModule, LANDLORD_PORTAL);
  await listenPortal(app, LANDLORD_PORTAL);
}

if (require.main === module) void bootstrap();
