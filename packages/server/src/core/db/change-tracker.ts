import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";

/**
 * Tells readers whether the database may have changed since they last looked, so results can be
 * cached safely. Two sources of change:
 * - writes through this connection, counted after they ran (a reader that starts later waits for
 *   the same single connection, so it can never see the count before the data);
 * - commits by other connections or processes, which SQLite reports through `PRAGMA data_version`.
 *   Reading it opens a read transaction (several microseconds under load), so it is read at most
 *   once per event-loop turn: a request that another process sends after its commit arrives in a
 *   later turn and sees the change; code in the same turn may see the state from the turn's start.
 */
export class ChangeTracker implements KyselyPlugin {
  #localWrites = 0;
  #externalVersion: number | undefined;
  readonly #writes = new WeakSet<object>();

  constructor(private readonly dataVersion: () => number) {}

  /** A value that differs whenever the database may have changed. */
  version(): string {
    if (this.#externalVersion === undefined) {
      this.#externalVersion = this.dataVersion();
      setImmediate(() => {
        this.#externalVersion = undefined;
      });
    }
    return `${this.#externalVersion}:${this.#localWrites}`;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind !== "SelectQueryNode") this.#writes.add(args.queryId);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // Pre-compiled statements skip transformQuery; a write still reports affected rows. A write
    // that matched nothing (the dispatch worker's idle polls) changes nothing.
    const affected = args.result.numAffectedRows;
    if (affected === 0n) return args.result;
    if (this.#writes.has(args.queryId) || affected !== undefined) this.#localWrites++;
    return args.result;
  }
}
