// Keys named __proto__, constructor or prototype, refused in a profile (E_PROFILE_RESERVED_KEY):
// found by one cheap walk that also counts the keys, for the duplicate-key test (json-duplicate-keys.ts).
import { MAX_DEPTH, toPointer } from '../load/yaml-positions.js';

/** Keys that must never reach code that indexes objects with user text. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The number of keys in the data, all levels, or -1 when it may nest deeper than MAX_DEPTH or hold
 * a hostile key: one walk that allocates nothing, for the common clean profile (recursion stops at
 * MAX_DEPTH, so deep input is safe). `for…in` sees every own enumerable key (and inherited ones:
 * see mayHaveDuplicateKeys); the exact reports are built by nestingDepth and hostileKeys on -1.
 */
export function keysUnlessHostile(v: object, depth: number): number {
  if (depth >= MAX_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i];
      if (typeof c !== 'object' || c === null) continue;
      const inner = keysUnlessHostile(c, depth + 1);
      if (inner < 0) return -1;
      n += inner;
    }
    return n;
  }
  for (const k in v) {
    if (HOSTILE_KEYS.has(k)) return -1;
    n++;
    const c = (v as Record<string, unknown>)[k];
    if (typeof c !== 'object' || c === null) continue;
    const inner = keysUnlessHostile(c, depth + 1);
    if (inner < 0) return -1;
    n += inner;
  }
  return n;
}

/** Own keys named __proto__/constructor/prototype anywhere in the data (iterative: input may be deep). */
export function hostileKeys(data: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length > 0 && found.length < 20) {
    const [v, p] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((c, i) => stack.push([c, `${p}/${i}`]));
      continue;
    }
    for (const k of Object.keys(v)) {
      const path = `${p}${toPointer([k])}`;
      if (HOSTILE_KEYS.has(k)) found.push(path);
      stack.push([(v as Record<string, unknown>)[k], path]);
    }
  }
  return found;
}
