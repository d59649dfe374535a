// The batch output written by SQL: each judged profile's text (JSON line or CSV rows), made by
// concatenating pieces of text that the CLI cut out of its own writer's output (templates with
// slots, cli/duckdb-templates.ts) with the columns of the level and warning rows. No text of a
// profile is pasted into the statement: slots are columns; the fast path's names need no escape
// (sql/accept.ts), which is what lets a column stand where the writer would have encoded a value.
import { literal } from './dialect.js';

/** What a slot stands for. */
export type Slot =
  | { kind: 'line' }
  | { kind: 'status' }
  | { kind: 'education' }
  | { kind: 'matched' }
  | { kind: 'warnings' }
  | { kind: 'path' }
  | { kind: 'arg' }
  | { kind: 'clause'; index: number };

export type Piece = string | Slot;

export interface OutputTemplates {
  format: 'json' | 'csv';
  /** One level's text, by occupation order then level; clause ids as the matched slot writes them (JSON strings, or plain for CSV). */
  levels: { order: number; level: number; pieces: Piece[]; clauseIds: string[] }[];
  /** One warning's text, by code and occupation order (-1: a warning said of no occupation). */
  warnings: { code: string; order: number; pieces: Piece[] }[];
}

/**
 * `string_agg(text, sep ORDER BY keys)` without an ordered aggregate (DuckDB keeps sort state per
 * group for those: out of memory with many applicants): a list of (keys…, text), sorted, joined.
 */
function joinedInOrder(text: string, sep: string, keys: readonly string[]): string {
  const fields = [...keys.map((k, i) => `k${i} := ${k}`), `x := ${text}`].join(', ');
  return `array_to_string(list_transform(list_sort(list(struct_pack(${fields}))), e -> e.x), ${sep})`;
}

/** Tables: `lv` (screening rows), `wr` (warning rows with their sort columns), `applicants`. */
function concat(pieces: readonly Piece[], slot: (s: Slot) => string): string {
  const parts = pieces.filter((p) => p !== '').map((p) => (typeof p === 'string' ? literal(p) : slot(p)));
  return parts.length === 0 ? "''" : parts.join(' || ');
}

function clauseStatus(i: number): string {
  return `CASE substr(l.clauses, ${i + 1}, 1) WHEN 'T' THEN 'met' WHEN 'F' THEN 'unmet' ELSE 'unknown' END`;
}

function levelText(t: OutputTemplates, lineText: string, firstWarnings: string): string {
  const sep = t.format === 'json' ? ',' : ' ';
  const branches = t.levels.map(({ order, level, pieces, clauseIds }) => {
    const matched = clauseIds.length === 0 ? "''" : `concat_ws(${literal(sep)}, ${clauseIds.map((id, i) => `CASE WHEN substr(l.clauses, ${i + 1}, 1) = 'T' THEN ${literal(id)} END`).join(', ')})`;
    const text = concat(pieces, (s) => {
      switch (s.kind) {
        case 'line':
          return lineText;
        case 'status':
          return 'l.status';
        case 'education':
          return 'l.education';
        case 'matched':
          return matched;
        case 'warnings':
          return firstWarnings;
        case 'clause':
          return clauseStatus(s.index);
        case 'path':
        case 'arg':
          throw new Error(`slot ${s.kind} in a level template`);
        default: {
          const never: never = s;
          throw new Error(`unknown slot ${JSON.stringify(never)}`);
        }
      }
    });
    return `WHEN l.occupation_order = ${order} AND l.level = ${level} THEN ${text}`;
  });
  return `CASE ${branches.join('\n    ')} END`;
}

function warningText(t: OutputTemplates): string {
  // by code, then by occupation (-1: said of no occupation): a few comparisons per row, not one per template
  const codes = [...new Set(t.warnings.map((w) => w.code))];
  const byCode = codes.map((code) => {
    const branches = t.warnings
      .filter((w) => w.code === code)
      .map(({ order, pieces }) => `WHEN ${order} THEN ${concat(pieces, (s) => (s.kind === 'path' ? 'w.path' : s.kind === 'arg' ? "COALESCE(w.arg, '')" : "''"))}`);
    return `WHEN ${literal(code)} THEN CASE CASE WHEN w.occupation_id IS NULL THEN -1 ELSE w.occupation_order END ${branches.join(' ')} END`;
  });
  return `CASE w.code ${byCode.join('\n    ')} END`;
}

/**
 * The statement giving the output of every applicant in `applicants`, by line: CSV, (line, text):
 * every level row and the warnings in the writer's order; JSON lines, (line, warnings, levels):
 * the warnings' JSON, and the levels as `order:level:status:education:TFU…` joined by `;`.
 */
export function outputSql(t: OutputTemplates): string {
  const warnings = `SELECT w.applicant_id, ${joinedInOrder(warningText(t), "','", ['w.occupation_order', 'w.section', 'w.idx', 'w.sub'])} AS ws FROM wr w GROUP BY w.applicant_id`;
  if (t.format === 'json') {
    // JSON lines: clause texts make a level's JSON ~1.5 kB; SQL gives each level compactly
    // (order:level:status:education:clause letters) and the CLI copies the level's encoded JSON.
    const compact = `CAST(l.occupation_order AS VARCHAR) || ':' || CAST(l.level AS VARCHAR) || ':' || l.status || ':' || l.education || ':' || l.clauses`;
    const levels = `SELECT l.applicant_id, ${joinedInOrder(compact, "';'", ['l.occupation_order', 'l.level_order'])} AS ls FROM lv l GROUP BY l.applicant_id`;
    return `SELECT a.line, COALESCE(w.ws, '') AS warnings, COALESCE(r.ls, '') AS levels
FROM applicants a LEFT JOIN (${warnings}) w ON w.applicant_id = a.applicant_id LEFT JOIN (${levels}) r ON r.applicant_id = a.applicant_id
ORDER BY a.line`;
  }
  // CSV: the warnings (a JSON array, quoted as a cell) fill the profile's first row's warnings cell,
  // put in place of a private-use character (the row holds rule texts only); joined once per profile
  const cell = `COALESCE('"' || replace('[' || w.ws || ']', '"', '""') || '"', '')`;
  const head = levelText(t, 'CAST(l.line AS VARCHAR)', 'chr(57344)');
  const row = levelText(t, 'CAST(l.line AS VARCHAR)', "''");
  return `SELECT r.line, replace(r.head, chr(57344), ${cell}) || chr(10) || COALESCE(r.tail, '') AS text
FROM (
  SELECT l.applicant_id, l.line, min(CASE WHEN l.first THEN ${head} END) AS head,
    ${joinedInOrder(`CASE WHEN l.first THEN '' ELSE ${row} || chr(10) END`, "''", ['l.occupation_order', 'l.level_order'])} AS tail
  FROM (SELECT lv.*, a.line, ROW_NUMBER() OVER (PARTITION BY lv.applicant_id ORDER BY lv.occupation_order, lv.level_order) = 1 AS first FROM lv JOIN applicants a USING (applicant_id)) l
  GROUP BY l.applicant_id, l.line
) r
LEFT JOIN (${warnings}) w ON w.applicant_id = r.applicant_id
ORDER BY r.line`;
}
