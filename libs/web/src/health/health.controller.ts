import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { PUBLIC_ROUTE } from '../public-route';

/** How long readiness waits for PostgreSQL before it calls the portal not ready. */
const DATABASE_PING_TIMEOUT_MS = 1500;

/**
 * Liveness and readiness for the orchestrator (and the load balancer):
 * - `GET /health/live`: 200 while the process answers; never touches the database, so a
 *   database outage does not get the portal restarted (it recovers on its own).
 * - `GET /health/ready` (and `GET /health`, kept for compatibility): 200 when the portal can
 *   reach PostgreSQL within a short timeout, 503 otherwise — send it no traffic meanwhile.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @PUBLIC_ROUTE()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness (same as /health/ready)' })
  check() {
    return this.ready();
  }

  @Get('live')
  @PUBLIC_ROUTE()
  @ApiOperation({ summary: 'Liveness: the process answers (no database check)' })
  @ApiOkResponse({ description: '{ "status": "ok" }' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @PUBLIC_ROUTE()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: PostgreSQL answers within a short timeout' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL is away or too slow' })
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS })]);
  }
}
