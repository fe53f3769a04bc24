/** Query parameters of an offset-paged list. */
export interface Paged {
  limit?: number;
  offset?: number;
}

/** What an offset-paged list answers: one page of rows under some key, and how many match in all. */
export interface PageAnswer {
  total: number;
}

export interface IterateOptions {
  /** Rows asked for per request (default 500, the server's own default; at most 5000). */
  pageSize?: number;
}

/** A list's query without its paging: what an iterator is filtered by. */
export type Filters<Q> = Omit<NonNullable<Q>, "limit" | "offset">;

/** The rows under `key` of a list answer. */
export type Rows<R, K extends keyof R> = R[K] extends readonly (infer Row)[] ? Row : never;

/**
 * Turns a `list(slug, query)` helper of an offset-paged list into an async iterator over every
 * row: pages of `pageSize` are asked for in turn, up to the `total` the server reports (or the
 * first short page). Rows added or removed while it runs can shift the pages, as with any
 * offset paging: iterate a list that is not changing, or filter it (by `run_id`, `status`).
 */
export function iterator<Q extends Paged | undefined, R extends PageAnswer, K extends keyof R>(
  list: (slug: string, query: Q) => Promise<R>,
  key: K,
) {
  return async function* iterate(
    slug: string,
    query: Filters<Q> = {} as Filters<Q>,
    options: IterateOptions = {},
  ): AsyncGenerator<Rows<R, K>> {
    const limit = options.pageSize ?? 500;
    for (let offset = 0; ; ) {
      const page = await list(slug, { ...query, limit, offset } as Q);
      const rows = page[key] as Rows<R, K>[];
      yield* rows;
      offset += rows.length;
      if (rows.length < limit || offset >= page.total) return;
    }
  };
}
