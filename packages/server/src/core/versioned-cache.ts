/**
 * Remembers loaded values until the data they came from changes. `version()` must return a new
 * value whenever it may have (see `KromaDb.changeVersion`); it is read *before* loading, so a
 * change that races with a load leaves the entry stale-marked, never stale-served.
 * Misses (`undefined`) are not kept, so unknown keys cannot grow the cache.
 */
export class VersionedCache<T> {
  readonly #entries = new Map<string, { version: string; value: T }>();

  constructor(
    private readonly version: () => string,
    private readonly limit: number,
  ) {}

  /** The cached value (synchronously, on a hit: no promise on the hot path), else the loaded one. */
  get(key: string, load: () => Promise<T | undefined>): T | Promise<T | undefined> {
    const version = this.version();
    const hit = this.#entries.get(key);
    if (hit?.version === version) return hit.value;
    return this.#load(key, version, load);
  }

  async #load(key: string, version: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const value = await load();
    this.#entries.delete(key);
    if (value === undefined) return undefined;
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { version, value: deepFreeze(value) });
    return value;
  }
}

// Cached values are shared between requests; freezing makes an accidental mutation throw.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
