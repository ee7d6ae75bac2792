import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The key a request holds while its handler runs. `owner` is the fencing token written on the
 * row; `spent` turns true once a write of the request committed (or, for a write outside a
 * transaction, is about to run).
 */
export interface HeldIdempotencyKey {
  readonly id: string;
  readonly owner: string;
  spent: boolean;
}

/** Per request, across every await of its handler: the database subscriber reads it. */
export const heldIdempotencyKey = new AsyncLocalStorage<HeldIdempotencyKey>();
