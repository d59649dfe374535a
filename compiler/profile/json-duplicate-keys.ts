// Duplicate keys in a JSON profile. JSON.parse keeps the last of two equal keys without a word, so
// `{"from": "2021-01-01", "from": "2010-01-01"}` and the reverse judge differently; YAML profiles
// already refuse duplicates (yaml's uniqueKeys), and JSON ones must too.
//
// JSON.parse is the batch's main cost, so the common profile pays only a cheap test: every key in
// the text is followed by a `:` outside strings, so when the parsed data holds as many keys as the
// text holds colons, no key can have been dropped. Only otherwise (a duplicate, or a colon inside a
// string value) is the text scanned with key positions.
//
// The scan is jsonc-parser's `visit` (Microsoft's scanner behind VS Code's JSON support: maintained, no
// dependencies, escapes decoded, so `"\u0066rom"` is `from`; offsets and the enclosing path of
// every key; already in the lock file, under yaml-language-server). The packages made for this
// alone (json-dup-key-validator and its forks, version 1.0.x) are small parsers of their own that
// answer with an error message, not a position and a path; JSON.parse's reviver only sees the
// values left after duplicates were merged; a scanner of our own would be a second JSON parser to
// keep right. Comments and trailing commas, which jsonc-parser tolerates, cannot occur here: the
// text has passed JSON.parse first.
import { createRequire } from 'node:module';
import type { JSONVisitor, ParseOptions } from 'jsonc-parser';
import { toPointer } from '../load/yaml-positions.js';

export interface DuplicateKey {
  /** JSON Pointer of the repeated field. */
  path: string;
  key: string;
  /** UTF-16 offset and length of the repeated key (its second occurrence) in the text. */
  offset: number;
  length: number;
}

/** At most this many duplicates are reported per text. */
const MAX_REPORTED = 20;

/** Whether an enumerable key was added to Object.prototype: for…in would count it in every object. */
function inheritedKeys(): boolean {
  for (const _ in {}) return true;
  return false;
}

/**
 * Whether a key of `text` may have been dropped by JSON.parse: `keys` is the number of keys, all
 * levels, of the data parsed from it (counted by the walk that looks for hostile keys), fewer than
 * the colons in the text. Costs about a tenth of JSON.parse on the same text.
 */
export function mayHaveDuplicateKeys(text: string, keys: number): boolean {
  if (inheritedKeys()) return true; // the count cannot be trusted
  let colons = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) if (++colons > keys) return true;
  return false;
}

type Visit = (text: string, visitor: JSONVisitor, options?: ParseOptions) => unknown;
let visit: Visit | undefined;

/** The repeated keys of a valid JSON text, in text order (loads jsonc-parser on first use). */
export function duplicateKeys(text: string): DuplicateKey[] {
  visit ??= (createRequire(import.meta.url)('jsonc-parser') as { visit: Visit }).visit;
  const found: DuplicateKey[] = [];
  const open: Set<string>[] = []; // the keys seen so far in each enclosing object
  visit(
    text,
    {
      onObjectBegin: () => void open.push(new Set()),
      onObjectEnd: () => void open.pop(),
      onObjectProperty: (key, offset, length, _line, _col, pathSupplier) => {
        const seen = open[open.length - 1];
        if (!seen.has(key)) seen.add(key);
        else if (found.length < MAX_REPORTED) found.push({ path: toPointer([...pathSupplier(), key]), key, offset, length });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found;
}
