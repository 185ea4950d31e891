import { describe, expect, test } from 'vitest';
import { inShard, parseShard, shardOf } from './shard.ts';

describe('shards', () => {
  test('--shard i/n is checked', () => {
    expect(parseShard('2/16')).toEqual({ index: 2, count: 16 });
    for (const bad of ['0/4', '5/4', '1/0', '1/257', 'a/b', '1-4', '']) expect(() => parseShard(bad), bad).toThrow(/--shard must be i\/n/);
  });

  test('a site’s shard is FNV-1a of its id modulo n: "a" hashes to 0xe40c292c, shard 13 of 16 and 1 of 2', () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c (the algorithm's published test vector); 0x…c = 12.
    expect(shardOf('a', 16)).toBe(13);
    expect(shardOf('a', 2)).toBe(1);
    expect(shardOf('anything', 1)).toBe(1);
  });

  test('adding a site moves no other, and every site is in exactly one shard', () => {
    const ids = Array.from({ length: 500 }, (_, i) => ({ id: `site-${i}` }));
    const before = [1, 2, 3, 4, 5, 6, 7].map((index) => inShard(ids, { index, count: 7 }).map((s) => s.id));
    const after = [1, 2, 3, 4, 5, 6, 7].map((index) => inShard([...ids, { id: 'linhe-new' }], { index, count: 7 }).map((s) => s.id));
    expect(after.map((a) => a.filter((id) => id !== 'linhe-new'))).toEqual(before);
    expect(after.flat().sort()).toEqual([...ids.map((s) => s.id), 'linhe-new'].sort());
    // Spread evenly enough for a matrix: no shard holds twice its share.
    for (const b of before) expect(b.length).toBeLessThan((2 * 500) / 7);
  });
});
