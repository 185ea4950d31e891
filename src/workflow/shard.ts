// Shards: a quarter's sites spread over several runners (--shard i/n). A site's shard depends on its
// id and n alone (a hash of the id), so it always lands in the same shard and adding a site moves
// no other. Each shard's run writes a report of what it did; the merge step (merge.ts) takes the
// shards' findings only when every shard reported and every site planned has exactly one file.
import { InputError } from '../errors.ts';

/** One shard of n: index from 1 to count. */
export interface Shard {
  index: number;
  count: number;
}

/** Shards a quarter may be spread over at most (a matrix of runners, not a site each). */
export const MAX_SHARDS = 256;

/** --shard i/n, checked: 1 ≤ i ≤ n ≤ MAX_SHARDS. */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !(count >= 1 && count <= MAX_SHARDS && index >= 1 && index <= count)) {
    throw new InputError(`--shard must be i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. 2/16), got "${value}"`);
  }
  return { index, count };
}

/** The shard (1…count) a site id belongs to: FNV-1a of its UTF-8 bytes, modulo count. */
export function shardOf(id: string, count: number): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % count) + 1;
}

/** The sites of a list that fall in a shard, in the list's order. */
export function inShard<T extends { id: string }>(sites: readonly T[], shard: Shard): T[] {
  return sites.filter((s) => shardOf(s.id, shard.count) === shard.index);
}

/** "2/16" for messages and file names ("2-of-16"). */
export const shardLabel = (s: Shard): string => `${s.index}/${s.count}`;
export const shardFileName = (s: Shard): string => `${s.index}-of-${s.count}.json`;
