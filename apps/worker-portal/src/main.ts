import { createPortalApp, listenPortal } from '@woonbrug/web';
import { WorkerPortalModule } from './worker-portal.module';

export const WORKER_PORTAL = { portal: 'worker', title: 'Bemoeizorgportaal', defaultPort: 3001 } as const;

async function bootstrap(): Promise<void> {
  const app = await createPortalApp(WorkerPortalModule, WORKER_PORTAL);
  await listenPortal(app, WORKER_PORTAL);
}

if (require.main === module) void bootstrap();
