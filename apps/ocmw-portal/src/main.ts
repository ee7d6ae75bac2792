import { createPortalApp, listenPortal } from '@woonbrug/web';
import { OcmwPortalModule } from './ocmw-portal.module';

export const OCMW_PORTAL = { portal: 'ocmw', title: 'OCMW-portaal', defaultPort: 3003 } as const;

async function bootstrap(): Promise<void> {
  const app = await createPortalApp(OcmwPortalModule, OCMW_PORTAL);
  await listenPortal(app, OCMW_PORTAL);
}

if (require.main === module) void bootstrap();
