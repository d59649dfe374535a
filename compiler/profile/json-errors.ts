// Where a JSON text goes wrong. JSON.parse does not always say where (and V8's wording varies), so a
// profile that fails to parse is scanned again by a small state machine that stops at the first
// fault. Iterative (no recursion), so any nesting depth is safe.

/** The text and the offset of the next character to read. */
interface Cursor {
  readonly text: string;
  i: number;
}

/** What may come next: a value, an object key (or '}'), a ':', or ',' / the closing bracket. */
type Expect = 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'next';

/** A step's outcome: what is expected next, or (a number) the offset of the fault. */
type Step = Expect | number;

function skipWhitespace(c: Cursor): void {
  const { text } = c;
  while (c.i < text.length && (text[c.i] === ' ' || text[c.i] === '\t' || text[c.i] === '\n' || text[c.i] === '\r')) c.i++;
}

/** Reads the string whose opening quote is at the cursor: false with the cursor at the fault. */
function readString(c: Cursor): boolean {
  const { text } = c;
  c.i++; // opening quote
  while (c.i < text.length) {
    const code = text.charCodeAt(c.i);
    if (code === 0x22) {
      c.i++;
      return true;
    }
    if (code < 0x20) return false;
    if (code !== 0x5c) {
      c.i++;
      continue;
    }
    const escaped = text[c.i + 1];
    if (escaped === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(c.i + 2, c.i + 6))) {
        c.i += 2;
        return false;
      }
      c.i += 6;
    } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) c.i += 2;
    else {
      c.i++;
      return false;
    }
  }
  return false;
}

/** A string, then `then`; the fault may lie past the end of the text after a cut-off escape. */
function stringThen(c: Cursor, then: Expect): Step {
  return readString(c) ? then : Math.min(c.i, c.text.length);
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** A scalar value: true, null, false or a number. */
function scalar(c: Cursor): Step {
  const { text } = c;
  if (text.startsWith('true', c.i) || text.startsWith('null', c.i)) c.i += 4;
  else if (text.startsWith('false', c.i)) c.i += 5;
  else {
    NUMBER.lastIndex = c.i;
    if (!NUMBER.test(text)) return c.i;
    c.i = NUMBER.lastIndex;
  }
  return 'next';
}

/** `stack` holds the open containers, '{' or '['. */
function value(c: Cursor, stack: string[], expect: Expect): Step {
  const ch = c.text[c.i];
  if (ch === '"') return stringThen(c, 'next');
  if (ch !== '{' && ch !== '[' && !(ch === ']' && expect === 'firstValue')) return scalar(c);
  c.i++;
  if (ch === ']') {
    stack.pop();
    return 'next';
  }
  stack.push(ch);
  return ch === '{' ? 'firstKey' : 'firstValue';
}

function key(c: Cursor, stack: string[], expect: Expect): Step {
  const ch = c.text[c.i];
  if (ch === '}' && expect === 'firstKey') {
    stack.pop();
    c.i++;
    return 'next';
  }
  return ch === '"' ? stringThen(c, 'colon') : c.i;
}

function colon(c: Cursor): Step {
  if (c.text[c.i] !== ':') return c.i;
  c.i++;
  return 'value';
}

/** After a value: a ',', or the bracket that closes the innermost container. */
function next(c: Cursor, stack: string[]): Step {
  const ch = c.text[c.i];
  const top = stack[stack.length - 1];
  if (top === undefined) return c.i; // text after the root value
  if (ch === ',') {
    c.i++;
    return top === '{' ? 'key' : 'value';
  }
  if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
    stack.pop();
    c.i++;
    return 'next';
  }
  return c.i;
}

const STEP: Record<Expect, (c: Cursor, stack: string[], expect: Expect) => Step> = {
  value,
  firstValue: value,
  key,
  firstKey: key,
  colon,
  next,
};

/** The offset of the first JSON syntax error in text, or -1 if it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  const c: Cursor = { text, i: 0 };
  const stack: string[] = [];
  let expect: Expect = 'value';
  for (;;) {
    skipWhitespace(c);
    if (c.i >= text.length) return stack.length === 0 && expect === 'next' ? -1 : text.length;
    const step = STEP[expect](c, stack, expect);
    if (typeof step === 'number') return step;
    expect = step;
  }
}
