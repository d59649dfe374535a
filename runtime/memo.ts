// One policy for the runtime's small caches of derived values (normalised names, duration and
// shortfall texts, encoded JSON): the values recur across profiles, but a flood of distinct keys
// must not grow memory, so a full cache is emptied and starts again.

/** Entries a cache holds at most. */
export const CACHE_LIMIT = 4096;

/** Stores `value` under `key` (emptying a full cache first) and returns it. */
export function keep<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
