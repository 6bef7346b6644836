import { describe, expect, it } from 'vitest';
import { groupedLoader, singleLoader } from '../src/db/loaders.js';

interface Row {
  key: string;
  n: number;
}

const ROWS: Row[] = [
  { key: 'a', n: 1 },
  { key: 'b', n: 2 },
  { key: 'a', n: 3 },
];

function counted() {
  const batches: string[][] = [];
  const fetch = async (keys: string[]) => {
    batches.push(keys);
    return ROWS.filter((r) => keys.includes(r.key));
  };
  return { batches, fetch };
}

describe('batch loaders', () => {
  it('answers every key of one tick with one fetch: the row of each key, null where none', async () => {
    const { batches, fetch } = counted();
    const loader = singleLoader(fetch, (r) => r.key);
    const [a, b, c] = await Promise.all([loader.load('a'), loader.load('b'), loader.load('c')]);
    expect(batches).toEqual([['a', 'b', 'c']]);
    // Should a key match several rows, the last one the query returned wins.
    expect(a).toEqual({ key: 'a', n: 3 });
    expect(b).toEqual({ key: 'b', n: 2 });
    expect(c).toBeNull();
  });

  it('groups the rows of each key in the order fetched, an empty list where none, mapped by valueOf', async () => {
    const { batches, fetch } = counted();
    const rows = groupedLoader(fetch, (r) => r.key);
    const values = groupedLoader(
      fetch,
      (r) => r.key,
      (r) => r.n,
    );
    const [a, c, an] = await Promise.all([rows.load('a'), rows.load('c'), values.load('a')]);
    expect(batches).toHaveLength(2);
    expect(a).toEqual([
      { key: 'a', n: 1 },
      { key: 'a', n: 3 },
    ]);
    expect(c).toEqual([]);
    expect(an).toEqual([1, 3]);
  });
});
