import { HttpStatus, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor, type OnModuleInit } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, of } from 'rxjs';
import { DataSource } from 'typeorm';
import { databaseFailureLog } from '../errors/database-failure';
import { heldIdempotencyKey, type HeldIdempotencyKey } from './idempotency-context';
import { idempotencyKeyOf, requestFingerprint } from './idempotency-key';
import { IdempotencyStore } from './idempotency.store';
import { IdempotencySubscriber } from './idempotency.subscriber';
import { IDEMPOTENT_ROUTE } from './idempotent.decorator';

type KeyedRequest = FastifyRequest & { user?: { id?: unknown }; portal?: string };

/**
 * The `Idempotency-Key` protocol for routes marked `@Idempotent()` (global; other routes pass
 * straight through, as do requests without the header).
 *
 * 1. Reserve: insert (user, portal, key, SHA-256 of method + path + body) as `running`, committed
 *    on its own. A second request finds the row: a different digest → 422; `done` → the stored
 *    answer; `running` → 409 (a holder silent past its lease is taken over); `committed` → 409.
 * 2. Run the handler with the key held (AsyncLocalStorage): {@link IdempotencySubscriber} marks the
 *    key `committed` inside the very transaction that commits the write.
 * 3. Complete: store the answer (`done`). On failure, give the key back only if nothing committed.
 *
 * A crash between write and completion therefore leaves `committed` (never `running`), and no
 * retry can write a second time. Stored answers are never logged.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit {
  private readonly logger = new Logger('Idempotency');
  private readonly store: IdempotencyStore;

  constructor(
    private readonly reflector: Reflector,
    private readonly db: DataSource,
  ) {
    this.store = new IdempotencyStore(db);
  }

  onModuleInit(): void {
    if (!this.db.subscribers.some((s) => s instanceof IdempotencySubscriber)) this.db.subscribers.push(new IdempotencySubscriber());
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(IDEMPOTENT_ROUTE, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    const userId = request.user?.id;
    if (key === undefined || typeof userId !== 'string') return next.handle();

    const claim = await this.store.claim({ userId, portal: request.portal ?? '', key }, requestFingerprint(request.method, request.url, request.body));
    if (claim.kind === 'replay') {
      void context.switchToHttp().getResponse<FastifyReply>().header('Idempotent-Replayed', 'true');
      return of(claim.body === null ? undefined : (JSON.parse(claim.body) as unknown));
    }
    const held: HeldIdempotencyKey = { id: claim.id, owner: claim.owner, spent: false };
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return new Observable((subscriber) =>
      heldIdempotencyKey.run(held, () => {
        const subscription = next.handle().subscribe({
          next: (body) => {
            this.store.complete(held.id, held.owner, status, body === undefined ? null : JSON.stringify(body)).then(
              () => subscriber.next(body),
              (error: unknown) => {
                // The write stands; only its replay is lost (a retry answers IDEMPOTENT_OUTCOME_UNKNOWN).
                this.logger.warn({ db: databaseFailureLog(error) }, 'idempotency answer not stored');
                subscriber.next(body);
              },
            ).finally(() => subscriber.complete());
          },
          error: (error: unknown) => {
            this.store.release(held.id, held.owner).then(
              () => subscriber.error(error),
              (releaseError: unknown) => {
                // Left `running`: after the lease a retry takes it over, which is safe (nothing committed).
                this.logger.warn({ db: databaseFailureLog(releaseError) }, 'idempotency key not released');
                subscriber.error(error);
              },
            );
          },
          complete: () => undefined,
        });
        return () => subscription.unsubscribe();
      }),
    );
  }
}
