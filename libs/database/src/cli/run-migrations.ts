import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source';

/** Applies every pending migration; returns the names of those it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const db = new DataSource(buildDataSourceOptions(url, { extra: { max: 2 } }));
  await db.initialize();
  try {
    const ran = await db.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await db.destroy();
  }
}

/** Runs `work` with a short-lived connection. */
export async function withDataSource<T>(url: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource(buildDataSourceOptions(url, { extra: { max: 2 } }));
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
