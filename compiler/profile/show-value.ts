// Values quoted in messages (schema issues, duplicate keys): short and on one line.

/** A short, single-line rendering of a value for messages. */
export function showValue(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  s = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const cps = [...s];
  return cps.length > 40 ? cps.slice(0, 39).join('') + '…' : s;
}
