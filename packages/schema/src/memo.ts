// Pure functions whose results are worth keeping between calls (the same schema node or description met
// again and again over a document's errors). The browser build keeps nothing (./memo.browser.ts): a
// page checks a few documents, and there the caches weigh more in bytes than they save in time.

/**
 * What `make` gives for `key`, worked out once while `cache` holds it. A Map is emptied when it holds
 * `limit` entries, so that keys without end (names in hostile documents) cannot grow it without end.
 *
 * @example
 * const phrase = memo(phrases, description, toPhrase, 1024);
 */
export function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V;
export function memo<K, V>(cache: Map<K, V>, key: K, make: (key: K) => V, limit: number): V;
export function memo<K extends object, V>(cache: Map<K, V> | WeakMap<K, V>, key: K, make: (key: K) => V, limit = Infinity): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    if (cache instanceof Map && cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}
