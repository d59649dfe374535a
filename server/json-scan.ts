// Scanning JSON text without building it: its nesting depth, refused before parsing (JSON.parse of
// 10^6 brackets would exhaust the stack or the heap), and the elements of a top-level array as
// their own texts (each batch profile is then read as `zige eval --batch` reads a line: duplicate
// keys and parse errors found in it, with its own positions).

/** Whether the JSON text nests objects and arrays deeper than `max` (strings skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The texts of the elements of a top-level JSON array, or undefined when the text is not one
 * array (an element's own syntax is left to whoever reads it).
 */
export function arrayElements(text: string): string[] | undefined {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x5b) return undefined;
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = i + 1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) break;
    } else if (c === 0x2c && depth === 1) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || inString) return undefined;
  const last = text.slice(start, i);
  if (last.trim() !== '') out.push(last);
  else if (out.length > 0) return undefined; // a trailing comma
  for (let j = i + 1; j < text.length; j++) if (!isSpace(text.charCodeAt(j))) return undefined;
  return out;
}
