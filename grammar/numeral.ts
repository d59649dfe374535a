// Numbers as printed (`100 000`, `100,000`, `10万`, `1.5万`), read exactly: a numeral is a
// fraction of two BigInts, so `0.1万` is 1000 with no floating-point error. The closed grammar's
// words (scales, separators) are declared in runtime/words.ts; the lexer's Number token is built
// here from them.
import { NUMERAL_GROUP_SEPARATORS, NUMERAL_SCALES } from '../runtime/words.js';

/** An exact non-negative rational: numerator / denominator (denominator > 0). */
export interface Exact {
  n: bigint;
  d: bigint;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const SCALE = `(?:${Object.keys(NUMERAL_SCALES).map(escape).join('|')})?`;
// A group ends where no digit, and no separator followed by a digit, comes next.
const GROUPED = NUMERAL_GROUP_SEPARATORS.map((sep) => `\\d{1,3}(?:${escape(sep)}\\d{3})+(?!\\d|${escape(sep)}\\d)`).join('|');
/** Digits joined by commas in any other way (`1,00,000`): lexed as one number so the checker can say what is wrong. */
const MISGROUPED = '\\d+(?:,\\d+)+';

/** The lexer's pattern of a number: grouped, misgrouped (refused by the checker), or plain; a decimal part; a scale. */
export const NUMERAL_PATTERN = new RegExp(`(?:${GROUPED}|${MISGROUPED}|\\d+)(?:\\.\\d+)?${SCALE}`);

const VALID = new RegExp(`^(?:${GROUPED}|\\d+)(?:\\.\\d+)?${SCALE}$`);

/** Whether a numeral is plain digits (and a decimal part): printed back from its value. */
export function isPlainNumeral(text: string): boolean {
  return /^\d+(?:\.\d+)?$/.test(text);
}

/** The exact value of a numeral, or undefined when the closed grammar refuses it (misgrouped digits). */
export function exactNumeral(text: string): Exact | undefined {
  if (!VALID.test(text)) return undefined;
  let body = text;
  let exp = 0;
  const last = body.slice(-1);
  if (Object.hasOwn(NUMERAL_SCALES, last)) {
    exp = NUMERAL_SCALES[last];
    body = body.slice(0, -1);
  }
  const digits = body.replace(/[^\d.]/g, '');
  const [whole, fraction = ''] = digits.split('.');
  const n = BigInt(whole + fraction) * 10n ** BigInt(Math.max(0, exp - fraction.length));
  const d = 10n ** BigInt(Math.max(0, fraction.length - exp));
  return { n, d };
}

/** The float nearest an exact value (exact when it is an integer below 2^53 or a short decimal). */
export function toNumber(x: Exact): number {
  const q = x.n / x.d;
  const r = x.n % x.d;
  if (r === 0n) return Number(q);
  // The remainder's digits as a decimal string: JavaScript then rounds the decimal once.
  return Number(`${q}.${decimalDigits(r, x.d)}`);
}

function decimalDigits(r: bigint, d: bigint): string {
  let out = '';
  for (let i = 0; i < 40 && r !== 0n; i++) {
    r *= 10n;
    out += String(r / d);
    r %= d;
  }
  return out;
}

export function multiply(a: Exact, b: Exact): Exact {
  return { n: a.n * b.n, d: a.d * b.d };
}

/** The exact value of a finite decimal number written in JavaScript (a vocabulary factor: 0.001). */
export function exactOf(value: number): Exact {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new Error(`not a non-negative finite number: ${value}`);
  const fraction = m[2] ?? '';
  const exp = Number(m[3] ?? 0) - fraction.length;
  const n = BigInt(m[1] + fraction);
  return exp >= 0 ? { n: n * 10n ** BigInt(exp), d: 1n } : { n, d: 10n ** BigInt(-exp) };
}

/** Rounds an exact value to a millionth (days are kept to a millionth against float noise). */
export function toMillionths(x: Exact): number {
  const scaled = x.n * 1_000_000n;
  const q = scaled / x.d;
  const twice = (scaled % x.d) * 2n;
  return Number(twice >= x.d ? q + 1n : q) / 1_000_000;
}
