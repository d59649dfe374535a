// "Did you mean": the known names nearest an unknown one, for the checker's suggestions and the
// CLI's mistyped commands and options.

/**
 * Known names within a small edit distance of an unknown one, nearest first (at most 3). A name
 * that holds the unknown one whole, or is held by it (安全行车 for 安全行车里程, 高级工 for
 * 高级工班), counts too: Chinese names are short, so an edit distance of a third of the length
 * misses a word left out.
 */
export function closest(text: string, known: Iterable<string>): string[] {
  const length = [...text].length;
  return [...new Set(known)]
    .map((k) => ({ k, d: editDistance(text, k) }))
    .filter((c) => c.d <= Math.max(1, Math.floor(length / 3)) || contains(text, c.k))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, 3)
    .map((c) => c.k);
}

/** One holds the other, both of two characters or more and at least one of them CJK. */
function contains(text: string, k: string): boolean {
  if ([...text].length < 2 || [...k].length < 2 || !/\p{Script=Han}/u.test(text + k)) return false;
  return k.includes(text) || text.includes(k);
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}
