// Three-valued (Kleene) logic as small integers: cheap to compare and to store.
export const F = 0;
export const T = 1;
export const U = 2;
export type Tri = 0 | 1 | 2;

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

export function not(a: Tri): Tri {
  return a === U ? U : a === T ? F : T;
}

export function and(a: Tri, b: Tri): Tri {
  if (a === F || b === F) return F;
  return a === T && b === T ? T : U;
}

export function or(a: Tri, b: Tri): Tri {
  if (a === T || b === T) return T;
  return a === F && b === F ? F : U;
}

/** Compares a quantity known to lie in [lo, hi] with n. */
export function compareRange(lo: number, hi: number, cmp: Comparator, n: number): Tri {
  switch (cmp) {
    case '>=':
      return lo >= n ? T : hi < n ? F : U;
    case '>':
      return lo > n ? T : hi <= n ? F : U;
    case '<=':
      return hi <= n ? T : lo > n ? F : U;
    case '<':
      return hi < n ? T : lo >= n ? F : U;
    case '=':
      return lo === n && hi === n ? T : n < lo || n > hi ? F : U;
  }
}

export function triName(t: Tri): 'met' | 'unmet' | 'unknown' {
  return t === T ? 'met' : t === F ? 'unmet' : 'unknown';
}
