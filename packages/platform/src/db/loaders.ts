import DataLoader from 'dataloader';
import { and, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './database.js';

// Per-request DataLoaders turn every field asked of N parents into one query `where key in (…)`,
// so a page costs a constant number of queries however long it is. These are the two shapes
// every such loader has: at most one row per key, or the list of rows of each key.

/** At most one row per key (the last one the query returned, should there be several); null where none. */
export function singleLoader<K, R>(fetch: (keys: K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const found = new Map((await fetch([...keys])).map((row) => [keyOf(row), row]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** The rows of each key (or what `valueOf` takes of them), in the order the query returned them. */
export function groupedLoader<K, R>(fetch: (keys: K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R[]>;
export function groupedLoader<K, R, V>(
  fetch: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  valueOf: (row: R) => V,
): DataLoader<K, V[]>;
export function groupedLoader<K, R, V>(
  fetch: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  valueOf?: (row: R) => V,
): DataLoader<K, (R | V)[]> {
  return new DataLoader<K, (R | V)[]>(async (keys) => {
    const groups = new Map<K, (R | V)[]>(keys.map((key) => [key, []]));
    for (const row of await fetch([...keys])) groups.get(keyOf(row))?.push(valueOf ? valueOf(row) : row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

type RowOf<T extends PgTable> = T['$inferSelect'];
/** A property of the table's rows that is also one of its columns. */
type ColumnKey<T extends PgTable> = keyof RowOf<T> & keyof T['_']['columns'] & string;
type KeyOf<T extends PgTable, P extends ColumnKey<T>> = NonNullable<RowOf<T>[P]>;

interface LoaderOptions {
  /** A further condition on the rows, ANDed with the key match. */
  where?: SQL;
  orderBy?: (PgColumn | SQL)[];
}

/**
 * Loaders over one table keyed by one of its columns: `one(table, 'code')` for a row per key,
 * `many(table, 'goalCode', { orderBy })` for the rows of each key. Each batch is a single
 * `select * from table where column in (…)`.
 */
export function tableLoaders<S extends Record<string, unknown>>(db: Database<S>) {
  function fetchBy<T extends PgTable, P extends ColumnKey<T>>(table: T, key: P, options: LoaderOptions) {
    const column = getTableColumns(table)[key] as PgColumn;
    return async (keys: KeyOf<T, P>[]): Promise<RowOf<T>[]> => {
      const match = inArray(column, keys);
      const query = db
        .select()
        .from(table as PgTable)
        .where(options.where ? and(match, options.where) : match)
        .$dynamic();
      return (await (options.orderBy ? query.orderBy(...options.orderBy) : query)) as RowOf<T>[];
    };
  }
  const keyOf =
    <T extends PgTable, P extends ColumnKey<T>>(key: P) =>
    (row: RowOf<T>): KeyOf<T, P> =>
      row[key] as KeyOf<T, P>;

  return {
    one<T extends PgTable, P extends ColumnKey<T>>(
      table: T,
      key: P,
      options: LoaderOptions = {},
    ): DataLoader<KeyOf<T, P>, RowOf<T> | null> {
      return singleLoader(fetchBy(table, key, options), keyOf<T, P>(key));
    },
    many<T extends PgTable, P extends ColumnKey<T>>(
      table: T,
      key: P,
      options: LoaderOptions = {},
    ): DataLoader<KeyOf<T, P>, RowOf<T>[]> {
      return groupedLoader(fetchBy(table, key, options), keyOf<T, P>(key));
    },
  };
}
