// One occupation's view of the normalized tables: each entry's relation to the occupation, work
// kinds as bits, dates as day numbers, entries after the as-of date dropped, education ranks and
// statuses — what runtime/facts.ts computes per profile, as CTEs over every applicant at once.
import { normalizeName } from '../runtime/facts.js';
import type { OccupationMeta } from '../runtime/meta.js';
import { literal, literalList } from './dialect.js';

/** Day number (days since 1970-01-01) of a DATE column, as runtime/dates.ts counts. */
export function dayOf(column: string): string {
  return `(${column} - DATE '1970-01-01')`;
}

/** The relation bits of a relation value (1 本职业/本专业, 2 相关职业/相关专业, 0 无关), else NULL. */
export function relationBits(column: string): string {
  return `CASE ${column} WHEN '本职业' THEN 1 WHEN '本专业' THEN 1 WHEN '相关职业' THEN 2 WHEN '相关专业' THEN 2 WHEN '无关' THEN 0 END`;
}

/** An occupation's names as zige compares them (normalised once here, at compile time). */
export interface NameLists {
  names: string;
  related: string;
  sameMajors: string;
  relatedMajors: string;
}

export function nameLists(meta: OccupationMeta): NameLists {
  const norm = (xs: readonly string[]): string => literalList([...new Set(xs.map(normalizeName))]);
  return {
    names: norm([meta.name, meta.id, ...meta.aliases]),
    related: norm(meta.related.occupations),
    sameMajors: norm(meta.related.sameMajors),
    relatedMajors: norm(meta.related.majors),
  };
}

/**
 * The relation given explicitly per occupation (`{"互联网营销师": "本职业"}`): the first key, in
 * the object's order, naming this occupation.
 */
export function explicitRelationsCte(p: string, names: NameLists): string {
  return `${p}_rx AS MATERIALIZED (
  SELECT applicant_id, list, idx, value FROM (
    SELECT applicant_id, list, idx, value, ROW_NUMBER() OVER (PARTITION BY applicant_id, list, idx ORDER BY ord) AS rn
    FROM relations WHERE occupation_key IN ${names.names}
  ) r WHERE rn = 1
)`;
}

/** The relation given for an entry (its one value, or the value keyed by this occupation), else NULL. */
export function explicitRelation(entry: string, rx: string, column = 'relation'): string {
  return `COALESCE(${relationBits(`${entry}.${column}`)}, ${relationBits(`${rx}.value`)})`;
}

/** An entry's relation bits: given, or known from the occupation's names; else 0 (unrelated, with a warning). */
export function entryRelation(entry: string, rx: string, names: NameLists): string {
  return `COALESCE(${explicitRelation(entry, rx)}, CASE WHEN ${entry}.occupation_key IN ${names.names} THEN 1 WHEN ${entry}.occupation_key IN ${names.related} THEN 2 ELSE 0 END)`;
}

/** The join of an entry to its explicit relation for this occupation. */
export function relationJoin(entry: string, rx: string, p: string, list: string): string {
  return `LEFT JOIN ${p}_rx ${rx} ON ${rx}.applicant_id = ${entry}.applicant_id AND ${rx}.list = ${literal(list)} AND ${rx}.idx = ${entry}.idx`;
}

/** The bit of a work kind (bit i: the vocabulary's i-th kind; no kind: the first), NULL for an unknown kind. */
export function kindBit(column: string, kinds: readonly string[]): string {
  const arms = kinds.map((k, i) => `WHEN ${literal(k)} THEN ${2 ** i}`).join(' ');
  return `CASE WHEN ${column} IS NULL THEN 1 ELSE CASE ${column} ${arms} END END`;
}

/** Micro-days of undated work (`years`), as runtime/facts.ts rounds them (to a millionth of a day). */
const MICRO_DAYS = 'CAST(FLOOR(w.years * 365 * CAST(1000000 AS DOUBLE PRECISION) + 0.5) AS BIGINT)';

/** The CTEs of one occupation's entries: `${p}_work`, `_cert`, `_train`, `_appr`, `_edu`, `_fact`. */
export function entryCtes(p: string, meta: OccupationMeta, names: NameLists): string[] {
  const asOf = 'q.as_of_day';
  return [
    explicitRelationsCte(p, names),
    `${p}_work AS MATERIALIZED (
  SELECT w.applicant_id, ${entryRelation('w', 'r', names)} AS rel, ${kindBit('w.kind', meta.workKinds)} AS kind,
    w.from_date IS NOT NULL AS dated, ${dayOf('w.from_date')} AS s,
    LEAST(COALESCE(${dayOf('w.to_date')}, ${asOf}), ${asOf}) AS e,
    ${MICRO_DAYS} AS micro
  FROM work w CROSS JOIN q ${relationJoin('w', 'r', p, 'work')}
  WHERE ${kindBit('w.kind', meta.workKinds)} IS NOT NULL
    AND ((w.from_date IS NOT NULL AND ${dayOf('w.from_date')} <= ${asOf}) OR (w.from_date IS NULL AND w.years IS NOT NULL))
)`,
    `${p}_cert AS MATERIALIZED (
  SELECT c.applicant_id, ${entryRelation('c', 'r', names)} AS rel, c.kind = '预备技师证书' AS prep,
    CASE WHEN c.kind = '预备技师证书' THEN 0 ELSE COALESCE(c.level, 0) END AS lvl, ${dayOf('c.date')} AS d
  FROM certificates c CROSS JOIN q ${relationJoin('c', 'r', p, 'certificates')}
  WHERE c.date IS NULL OR ${dayOf('c.date')} <= ${asOf}
)`,
    `${p}_train AS (
  SELECT t.applicant_id, ${entryRelation('t', 'r', names)} AS rel, t.level AS lvl, t.certificate, t.exam_passed
  FROM training t CROSS JOIN q ${relationJoin('t', 'r', p, 'training')}
  WHERE t.date IS NULL OR ${dayOf('t.date')} <= ${asOf}
)`,
    `${p}_appr AS (
  SELECT a.applicant_id, ${entryRelation('a', 'r', names)} AS rel, a.completed IS NOT NULL AS done
  FROM apprenticeships a CROSS JOIN q ${relationJoin('a', 'r', p, 'apprenticeships')}
  WHERE a.completed IS NULL OR ${dayOf('a.completed')} <= ${asOf}
)`,
    educationCte(p, meta, names),
    factsCte(p, meta),
  ];
}

/** Ladder rank of an education entry: by its track for 技工院校, else by its level; 0 when unknown. */
function rankOf(meta: OccupationMeta): string {
  const arms = (m: Readonly<Record<string, number>>): string => Object.entries(m).map(([k, v]) => `WHEN ${literal(k)} THEN ${v}`).join(' ');
  const byLevel = Object.keys(meta.ranks).length > 0 ? `COALESCE(CASE e.level ${arms(meta.ranks)} END, 0)` : '0';
  const byTrack = Object.keys(meta.trackRanks).length > 0 ? `COALESCE(CASE e.track ${arms(meta.trackRanks)} END, 0)` : '0';
  return `CASE WHEN e.track IS NOT NULL AND e.level IN ${literalList(meta.trackFamily)} THEN ${byTrack} ELSE ${byLevel} END`;
}

/** Education entries: rank, major relation bits, status 0 毕业 / 1 应届 (also a diploma dated after the as-of date) / 2 在读. */
function educationCte(p: string, meta: OccupationMeta, names: NameLists): string {
  const major = `COALESCE(${explicitRelation('e', 'r', 'major_relation')}, CASE WHEN e.major_key IS NULL THEN 0 WHEN e.major_key IN ${names.sameMajors} THEN 1 WHEN e.major_key IN ${names.relatedMajors} THEN 2 ELSE 0 END)`;
  return `${p}_edu AS (
  SELECT e.applicant_id, e.level AS name, ${rankOf(meta)} AS rnk, e.track, e.assessed_target AS target, ${major} AS major,
    CASE WHEN e.status = '毕业' AND NOT (e.date IS NOT NULL AND ${dayOf('e.date')} > q.as_of_day) THEN 0 WHEN e.status IN ('毕业', '应届') THEN 1 ELSE 2 END AS st
  FROM education e CROSS JOIN q ${relationJoin('e', 'r', p, 'education')}
)`;
}

/** Declared facts by their declared name; a name given twice (two spellings): the later value. */
function factsCte(p: string, meta: OccupationMeta): string {
  const arms = Object.entries(meta.factNames).map(([k, v]) => `WHEN ${literal(k)} THEN ${literal(v)}`);
  const declared = arms.length > 0 ? `CASE f.name_key ${arms.join(' ')} END` : 'CAST(NULL AS TEXT)';
  return `${p}_fact AS (
  SELECT applicant_id, decl, number_value, bool_value, is_none FROM (
    SELECT f.applicant_id, ${declared} AS decl, f.number_value, f.bool_value, f.is_none,
      ROW_NUMBER() OVER (PARTITION BY f.applicant_id, ${declared} ORDER BY f.ord DESC) AS rn
    FROM facts f
  ) x WHERE decl IS NOT NULL AND rn = 1
)`;
}
