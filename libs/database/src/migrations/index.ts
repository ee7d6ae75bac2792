import { InitialSchema1764417600000 } from './1764417600000-initial-schema';

/** Every migration, in order. A new migration is generated into this folder and added here. */
export const MIGRATIONS = [InitialSchema1764417600000];
