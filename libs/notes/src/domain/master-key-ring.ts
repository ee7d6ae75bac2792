import { KEY_BYTES } from './sealed-box';
import { MasterKeyUnavailableError } from './note.errors';

/** NOTES_MASTER_KEYS is missing or malformed. The message never contains key material. */
export class MasterKeyConfigError extends Error {
  constructor(problem: string) {
    super(
      `NOTES_MASTER_KEYS ${problem}. Expected comma-separated \`version:base64\` pairs of ${KEY_BYTES}-byte keys, ` +
        `e.g. NOTES_MASTER_KEYS=1:$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")`,
    );
    this.name = 'MasterKeyConfigError';
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Master keys by version, as a plain record or map (e.g. `{ 1: oldKey, 2: newKey }`). */
export type MasterKeysInput = ReadonlyMap<number, Uint8Array> | Readonly<Record<number, Uint8Array>>;

/**
 * The versioned master keys that wrap the per-case data keys, held in memory only. The highest
 * version wraps new keys; older versions stay to unwrap keys not yet rewrapped. Keys live in a
 * private field, so that logging or serialising the ring shows versions, never key bytes.
 */
export class MasterKeyRing {
  readonly #keys: ReadonlyMap<number, Buffer>;
  /** The version that wraps new data keys (the highest). */
  readonly currentVersion: number;

  private constructor(keys: Map<number, Buffer>) {
    if (keys.size === 0) throw new MasterKeyConfigError('has no key');
    for (const [version, key] of keys) {
      if (!Number.isSafeInteger(version) || version < 1) throw new MasterKeyConfigError(`has an invalid version "${version}" (a positive integer)`);
      if (key.length !== KEY_BYTES) throw new MasterKeyConfigError(`has a key of ${key.length} bytes for version ${version}`);
    }
    this.#keys = keys;
    this.currentVersion = Math.max(...keys.keys());
  }

  /**
   * Parses the `NOTES_MASTER_KEYS` setting.
   * @throws MasterKeyConfigError when it is missing or malformed.
   */
  static parse(raw: string | undefined | null): MasterKeyRing {
    if (raw === undefined || raw === null || raw.trim() === '') throw new MasterKeyConfigError('is not set');
    const keys = new Map<number, Buffer>();
    const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
    entries.forEach((entry, index) => {
      const separator = entry.indexOf(':');
      const versionText = separator === -1 ? '' : entry.slice(0, separator).trim();
      const keyText = entry.slice(separator + 1).trim();
      if (!/^\d+$/.test(versionText)) throw new MasterKeyConfigError(`entry ${index + 1} has no numeric version before ":"`);
      const version = Number(versionText);
      if (keys.has(version)) throw new MasterKeyConfigError(`names version ${version} twice`);
      if (!BASE64.test(keyText)) throw new MasterKeyConfigError(`has a key for version ${version} that is not base64`);
      keys.set(version, Buffer.from(keyText, 'base64'));
    });
    return new MasterKeyRing(keys);
  }

  /** A ring from keys by version (tools and tests). */
  static of(keys: MasterKeysInput | MasterKeyRing): MasterKeyRing {
    if (keys instanceof MasterKeyRing) return keys;
    const entries: Array<[number, Uint8Array]> = keys instanceof Map ? [...keys.entries()] : Object.entries(keys).map(([v, k]) => [Number(v), k as Uint8Array]);
    return new MasterKeyRing(new Map(entries.map(([v, k]) => [v, Buffer.from(k)])));
  }

  /** The configured versions, ascending. */
  get versions(): number[] {
    return [...this.#keys.keys()].sort((a, b) => a - b);
  }

  /** The key of one version; {@link MasterKeyUnavailableError} when it is not configured. */
  keyOf(version: number): Buffer {
    const key = this.#keys.get(version);
    if (!key) throw new MasterKeyUnavailableError(version);
    return key;
  }

  /** The key that wraps new data keys. */
  get currentKey(): Buffer {
    return this.keyOf(this.currentVersion);
  }

  toJSON(): { versions: number[]; currentVersion: number } {
    return { versions: this.versions, currentVersion: this.currentVersion };
  }
}
