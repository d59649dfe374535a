// Ajv's errors with the cascaded noise removed, before they are put in words (schema-issues.ts):
// with allErrors, one wrong value can fail an `if`, every anyOf/oneOf branch, and a format and a
// minimum under its failed pattern; the reader should see the one error that applies.
import type { ErrorObject } from 'ajv';

/** Removes cascaded noise: `if` errors, anyOf/oneOf branches that cannot apply, formats under a failed pattern. */
export function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  type Item = { e: ErrorObject; final: boolean; dropped: boolean };
  const items: Item[] = errors.map((e) => ({ e, final: false, dropped: false }));
  for (let k = 0; k < items.length; k++) {
    const c = items[k];
    if (c.e.keyword === 'if') c.dropped = true;
    // why a key failed `propertyNames`: the propertyNames error itself names the key
    if (c.e.propertyName !== undefined) c.dropped = true;
    if (c.e.keyword !== 'anyOf' && c.e.keyword !== 'oneOf') continue;
    const prefix = c.e.schemaPath + '/';
    const at = c.e.instancePath;
    // The branches' errors are the contiguous run just before the combinator's own error.
    const subs: Item[] = [];
    for (let j = k - 1; j >= 0; j--) {
      const s = items[j];
      if (s.final || s.dropped && s.e.keyword !== 'if') break;
      const inside = s.e.schemaPath.startsWith(prefix) && (s.e.instancePath === at || s.e.instancePath.startsWith(at + '/'));
      if (!inside) break;
      subs.unshift(s);
    }
    if (c.e.keyword === 'oneOf' && subs.length === 0) {
      c.final = true; // matched several branches: keep the fallback message
      continue;
    }
    const branches = new Map<string, Item[]>();
    for (const s of subs) {
      const branch = s.e.schemaPath.slice(prefix.length).split('/')[0];
      if (!branches.has(branch)) branches.set(branch, []);
      if (s.e.keyword !== 'if') branches.get(branch)!.push(s);
    }
    for (const s of subs) s.dropped = true;
    const all = [...branches.values()];
    const fits = all.filter((b) => !b.some((s) => s.e.keyword === 'type' && s.e.instancePath === at));
    if (fits.length === 0) {
      // no branch takes this kind of value: one type error naming every accepted type
      const types = [...new Set(all.flatMap((b) => b.filter((s) => s.e.keyword === 'type').map((s) => String(s.e.params.type))))];
      c.e = { ...c.e, keyword: 'type', params: { type: types.join(',') } };
      c.final = true;
      continue;
    }
    const onlyRequired = fits.every((b) => b.every((s) => s.e.keyword === 'required' && s.e.instancePath === at));
    if (fits.length > 1 && onlyRequired) {
      const props = [...new Set(fits.flatMap((b) => b.map((s) => String(s.e.params.missingProperty))))];
      c.e = { ...c.e, keyword: 'requiredAny', params: { properties: props } };
      c.final = true;
      continue;
    }
    let best = fits[0];
    for (const b of fits) if (b.length < best.length) best = b;
    for (const s of best) {
      s.dropped = false;
      s.final = true;
    }
    c.dropped = true;
  }
  let kept = items.filter((i) => !i.dropped).map((i) => i.e);
  // a date that fails its pattern also fails its format, and may fail its minimum: keep the first
  const patternAt = new Set(kept.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  kept = kept.filter((e) => !(e.keyword === 'format' && patternAt.has(e.instancePath)));
  const formatAt = new Set(kept.filter((e) => e.keyword === 'pattern' || e.keyword === 'format').map((e) => e.instancePath));
  kept = kept.filter((e) => !(e.keyword === 'formatMinimum' && formatAt.has(e.instancePath)));
  // identical errors (same place, keyword and parameters) once
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
