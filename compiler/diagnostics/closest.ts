// "Did you mean": the known names nearest an unknown one, for the checker's suggestions and the
// CLI's mistyped commands and options.

/** Known names within a small edit distance of an unknown one, nearest first (at most 3). */
export function closest(text: string, known: Iterable<string>): string[] {
  return [...new Set(known)]
    .map((k) => ({ k, d: editDistance(text, k) }))
    .filter((c) => c.d <= Math.max(1, Math.floor([...text].length / 3)))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, 3)
    .map((c) => c.k);
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
