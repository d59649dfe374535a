// JSON text of level results without explanations, as JSON.stringify writes it, for batch output.
// A batch line repeats the same clause ids and texts for every profile: their JSON is encoded once
// and reused, which makes the line several times cheaper than JSON.stringify of the objects.
import type { LevelResult, Warning } from '../runtime/index.js';

const encoded = new Map<string, string>();

/** JSON of a string that recurs (names, ids, clause texts): encoded once per process. */
function recurring(s: string): string {
  let json = encoded.get(s);
  if (json === undefined) {
    json = JSON.stringify(s);
    // Bounded: rule texts are few; a flood of distinct strings must not grow memory.
    if (encoded.size >= 8192) encoded.clear();
    encoded.set(s, json);
  }
  return json;
}

function warningJson(w: Warning): string {
  // Messages hold the applicant's own text: encoded each time.
  return `{"code":${recurring(w.code)},"path":${JSON.stringify(w.path)},"message":${JSON.stringify(w.message)}}`;
}

/** Exactly `JSON.stringify(results)` for results of `evaluate(…, {explain: false})`. */
export function levelResultsJson(results: readonly LevelResult[]): string {
  let out = '[';
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (i > 0) out += ',';
    out += `{"occupation":${recurring(r.occupation)},"id":${recurring(r.id)},"version":${r.version === null ? 'null' : recurring(r.version)},"level":${r.level}`;
    out += ',"workTypes":[';
    for (let k = 0; k < r.workTypes.length; k++) out += (k > 0 ? ',' : '') + recurring(r.workTypes[k]);
    out += `],"status":"${r.status}","education":"${r.education}","clauses":[`;
    for (let k = 0; k < r.clauses.length; k++) {
      const c = r.clauses[k];
      out += `${k > 0 ? ',' : ''}{"id":${recurring(c.id)},"text":${recurring(c.text)},"status":"${c.status}"}`;
    }
    out += '],"matched":[';
    for (let k = 0; k < r.matched.length; k++) out += (k > 0 ? ',' : '') + recurring(r.matched[k]);
    out += '],"warnings":[';
    for (let k = 0; k < r.warnings.length; k++) out += (k > 0 ? ',' : '') + warningJson(r.warnings[k]);
    out += ']}';
  }
  return out + ']';
}
