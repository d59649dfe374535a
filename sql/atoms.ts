// Each condition of the language (runtime/plan.ts) as SQL over one occupation's entry CTEs
// (entries.ts), with NULL for "unknown": SQL's AND, OR and NOT are the three-valued logic of
// runtime/tri.ts. Per-entry conditions become aggregate columns (one scan of each list per
// occupation); experience merges work periods with window functions once per (scope, kinds).
import { UNRELATED } from '../runtime/facts.js';
import { SchoolMode, type Plan, type PlanLeaf, type SchoolSpec } from '../runtime/plan.js';
import type { Comparator } from '../runtime/tri.js';
import { literal, literalList, numberLiteral } from './dialect.js';

/** A construct the SQL backend does not compile: refused by name when the SQL is made. */
export class SqlRefusal extends Error {
  constructor(readonly construct: string) {
    super(`construct not supported by the SQL backend: ${construct}`);
    this.name = 'SqlRefusal';
  }
}

/** compareRange of runtime/tri.ts: a quantity known to lie in [lo, hi] against n; NULL when it may go either way. */
export function compareSql(lo: string, hi: string, cmp: Comparator, n: number): string {
  const v = numberLiteral(n);
  switch (cmp) {
    case '>=':
      return `CASE WHEN ${lo} >= ${v} THEN TRUE WHEN ${hi} < ${v} THEN FALSE END`;
    case '>':
      return `CASE WHEN ${lo} > ${v} THEN TRUE WHEN ${hi} <= ${v} THEN FALSE END`;
    case '<=':
      return `CASE WHEN ${hi} <= ${v} THEN TRUE WHEN ${lo} > ${v} THEN FALSE END`;
    case '<':
      return `CASE WHEN ${hi} < ${v} THEN TRUE WHEN ${lo} >= ${v} THEN FALSE END`;
    case '=':
      return `CASE WHEN ${lo} = ${v} AND ${hi} = ${v} THEN TRUE WHEN ${v} < ${lo} OR ${v} > ${hi} THEN FALSE END`;
  }
}

const MICRO = 'CAST(1000000 AS DOUBLE PRECISION)';

/** The SQL parts of one occupation's conditions, collected as its plans are compiled. */
export class AtomSet {
  /** Aggregate columns over `${p}_cert`, `_train`, `_appr`, `_edu`, `_fact` (each `expr AS name`). */
  readonly aggregates = { cert: [] as string[], train: [] as string[], appr: [] as string[], edu: [] as string[], fact: [] as string[] };
  /** (scope, kinds) pairs whose merged periods are needed, by key. */
  readonly pairs = new Map<string, { j: number; scope: number; kinds: number }>();
  /** Experience-after-certificate CTEs. */
  readonly afterCtes: string[] = [];
  /** Columns of the applicant row (`expr AS name`): measured bounds, age. */
  readonly rowColumns: string[] = [];
  /** Joins of the applicant row to the after-certificate CTEs. */
  readonly rowJoins: string[] = [];
  /** Each distinct leaf's three-valued column (name → expression over the row). */
  readonly leaves = new Map<string, { name: string; expr: string }>();
  private n = 0;

  constructor(
    readonly p: string,
    /** The vocabulary's value of 无/none per numeric fact (runtime/meta.ts `factNone`). */
    private readonly factNone: Readonly<Record<string, number>> = {},
  ) {}

  /** A condition tree as a SQL boolean over the leaf columns. */
  plan(plan: Plan): string {
    switch (plan.op) {
      case 'and':
        return plan.items.length === 0 ? 'TRUE' : `(${plan.items.map((i) => this.plan(i)).join(' AND ')})`;
      case 'or':
        return plan.items.length === 0 ? 'FALSE' : `(${plan.items.map((i) => this.plan(i)).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.plan(plan.item)})`;
      default:
        return this.leaf(plan);
    }
  }

  /** The column of a leaf (identical leaves share one). */
  private leaf(leaf: PlanLeaf): string {
    const key = JSON.stringify(leaf);
    let known = this.leaves.get(key);
    if (!known) {
      const name = `a${this.leaves.size}`;
      known = { name, expr: this.leafSql(leaf) };
      this.leaves.set(key, known);
    }
    return known.name;
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  /** Every construct of the language, or a refusal by name (the `never` check breaks the build when one is added). */
  private leafSql(leaf: PlanLeaf): string {
    // 任意职业 (bit 4, unrelated entries) is not compiled yet: refused by name.
    if (('scope' in leaf && (leaf.scope & UNRELATED) !== 0) || ('certScope' in leaf && (leaf.certScope & UNRELATED) !== 0)) {
      throw new SqlRefusal('任意职业 (any-occupation)');
    }
    switch (leaf.op) {
      case 'experience':
        return this.experience(leaf);
      case 'experienceAfter':
        return this.experienceAfter(leaf);
      case 'holds':
        return this.any('cert', `NOT prep AND lvl >= 1 AND lvl <= ${leaf.level} AND (rel & ${leaf.scope}) <> 0`);
      case 'holdsPrepTechnician':
        return this.any('cert', `prep AND (rel & ${leaf.scope}) <> 0`);
      case 'training': {
        const m = `lvl = ${leaf.level} AND (rel & ${leaf.scope}) <> 0`;
        const flag = leaf.exam ? 'exam_passed' : 'certificate';
        return this.trueUnknown('train', `${m} AND ${flag} IS TRUE`, `${m} AND ${flag} IS NULL`);
      }
      case 'apprenticeship':
        return this.trueUnknown('appr', `(rel & ${leaf.scope}) <> 0 AND done`, `(rel & ${leaf.scope}) <> 0`);
      case 'school': {
        const c = this.aggregate('edu', `BOOL_OR(${schoolPredicate(leaf.spec)})`);
        return `CASE WHEN NOT a_education_known THEN NULL ELSE COALESCE(${c}, FALSE) END`;
      }
      case 'age':
        return compareSql('a_age', 'a_age', leaf.cmp, leaf.years);
      case 'flag':
        return this.aggregate('fact', `BOOL_OR(CASE WHEN decl = ${literal(leaf.name)} THEN bool_value END)`);
      case 'fact':
        return this.fact(leaf);
      case 'ageBySex':
      case 'category':
      case 'working':
      case 'events':
      case 'certWindow':
      case 'certDated':
      case 'ageOn':
      case 'insured':
        throw new SqlRefusal(leaf.op);
      default: {
        const unknown: never = leaf;
        throw new SqlRefusal((unknown as { op: string }).op);
      }
    }
  }

  /** runtime/atoms.ts `fact`: 无/none is the vocabulary's `none` value, or no value that any comparison accepts. */
  private fact(leaf: Extract<PlanLeaf, { op: 'fact' }>): string {
    const decl = literal(leaf.name);
    const v = this.aggregate('fact', `MAX(CASE WHEN decl = ${decl} THEN number_value END)`);
    const none = this.aggregate('fact', `BOOL_OR(decl = ${decl} AND is_none)`);
    const noneValue = this.factNone[leaf.name];
    const whenNone = noneValue === undefined ? 'FALSE' : compareSql(numberLiteral(noneValue), numberLiteral(noneValue), leaf.cmp, leaf.value);
    return `CASE WHEN ${none} IS TRUE THEN ${whenNone} ELSE ${compareSql(v, v, leaf.cmp, leaf.value)} END`;
  }

  /** An aggregate column over one list of entries; its name in the applicant row. */
  private aggregate(table: keyof AtomSet['aggregates'], expr: string): string {
    const name = this.fresh(`${table}_`);
    this.aggregates[table].push(`${expr} AS ${name}`);
    return name;
  }

  /** True when some entry meets `cond`, else false. */
  private any(table: keyof AtomSet['aggregates'], cond: string): string {
    return `COALESCE(${this.aggregate(table, `BOOL_OR(${cond})`)}, FALSE)`;
  }

  /** True when some entry meets `yes`, else unknown when some meets `maybe`, else false. */
  private trueUnknown(table: keyof AtomSet['aggregates'], yes: string, maybe: string): string {
    const t = this.aggregate(table, `BOOL_OR(${yes})`);
    const u = this.aggregate(table, `BOOL_OR(${maybe})`);
    return `CASE WHEN ${t} THEN TRUE WHEN ${u} THEN NULL ELSE FALSE END`;
  }

  /** The merged periods of (scope, kinds): their index j (CTEs `${p}_t${j}` totals, `${p}_u${j}` undated years). */
  pair(scope: number, kinds: number): number {
    const key = `${scope}/${kinds}`;
    let known = this.pairs.get(key);
    if (!known) {
      known = { j: this.pairs.size, scope, kinds };
      this.pairs.set(key, known);
    }
    return known.j;
  }

  private experience(leaf: Extract<PlanLeaf, { op: 'experience' }>): string {
    const j = this.pair(leaf.scope, leaf.kinds);
    const lo = this.fresh('lo');
    const hi = this.fresh('hi');
    if (leaf.continuous) {
      this.rowColumns.push(`COALESCE(t${j}.lng, 0) AS ${lo}`, `GREATEST(COALESCE(t${j}.lng, 0), COALESCE(u${j}.um, 0) / ${MICRO}) AS ${hi}`);
    } else {
      const total = `COALESCE(t${j}.tot, 0) + COALESCE(u${j}.us, 0) / ${MICRO}`;
      this.rowColumns.push(`${total} AS ${lo}`, `${total} AS ${hi}`);
    }
    return compareSql(lo, hi, leaf.cmp, leaf.days);
  }

  /** Experience counted from the earliest qualifying certificate (runtime/atoms.ts, measureExperienceAfter). */
  private experienceAfter(leaf: Extract<PlanLeaf, { op: 'experienceAfter' }>): string {
    const { p } = this;
    const j = this.pair(leaf.scope, leaf.kinds);
    const qualifying = `NOT prep AND lvl >= 1 AND lvl <= ${leaf.level} AND (rel & ${leaf.certScope}) <> 0`;
    const earliest = this.aggregate('cert', `MIN(CASE WHEN ${qualifying} AND d IS NOT NULL THEN d END)`);
    const undated = this.aggregate('cert', `BOOL_OR(${qualifying} AND d IS NULL)`);
    const x = this.fresh('x');
    const from = 'CASE WHEN m.e >= c.st THEN m.e - GREATEST(m.s, c.st) + 1 ELSE 0 END';
    this.afterCtes.push(`${p}_${x} AS (
  SELECT m.applicant_id, SUM(${from}) AS tot, MAX(${from}) AS lng
  FROM ${p}_m${j} m JOIN (
    SELECT ca.applicant_id, COALESCE(ca.${earliest}, q.as_of_day) AS st FROM ${p}_cagg ca CROSS JOIN q
    WHERE ca.${earliest} IS NOT NULL OR ca.${undated}
  ) c ON c.applicant_id = m.applicant_id
  GROUP BY m.applicant_id
)`);
    this.rowJoins.push(`LEFT JOIN ${p}_${x} ${x} ON ${x}.applicant_id = a.applicant_id`);
    const found = `(${earliest} IS NOT NULL OR COALESCE(${undated}, FALSE))`;
    const all = `COALESCE(${undated}, FALSE)`;
    const lo = this.fresh('lo');
    const hi = this.fresh('hi');
    if (leaf.continuous) {
      const l = `COALESCE(${x}.lng, 0)`;
      this.rowColumns.push(
        `CASE WHEN ${found} THEN ${l} ELSE 0 END AS ${lo}`,
        `CASE WHEN ${found} THEN GREATEST(CASE WHEN ${all} THEN COALESCE(t${j}.lng, 0) ELSE ${l} END, COALESCE(u${j}.um, 0) / ${MICRO}) ELSE 0 END AS ${hi}`,
      );
    } else {
      const l = `COALESCE(${x}.tot, 0)`;
      this.rowColumns.push(
        `CASE WHEN ${found} THEN ${l} ELSE 0 END AS ${lo}`,
        `CASE WHEN ${found} THEN (CASE WHEN ${all} THEN COALESCE(t${j}.tot, 0) ELSE ${l} END) + COALESCE(u${j}.us, 0) / ${MICRO} ELSE 0 END AS ${hi}`,
      );
    }
    return compareSql(lo, hi, leaf.cmp, leaf.days);
  }
}

/** runtime/atoms.ts matchSchool as a predicate on one `${p}_edu` row (st: 0 毕业, 1 应届, 2 在读). */
export function schoolPredicate(s: SchoolSpec): string {
  const conds: string[] = [];
  let rank = 'rnk';
  if (s.mode === SchoolMode.Enrolled) conds.push('st <> 0');
  else {
    // 应届 counts where the atom says 含应届; otherwise, and 在读, only for the requirement, as enrolment below.
    const below = s.gate && s.mode === SchoolMode.Degree;
    if (s.finalYear) {
      if (!below) conds.push('st IN (0, 1)');
      rank = 'CASE WHEN st = 2 THEN rnk - 1 ELSE rnk END';
    } else {
      if (!below) conds.push('st = 0');
      rank = 'CASE WHEN st = 0 THEN rnk ELSE rnk - 1 END';
    }
  }
  if (s.names !== null) conds.push(`name IN ${literalList(s.names)}`);
  if (s.mode === SchoolMode.Degree) conds.push(s.orHigher ? `${rank} >= ${s.rank}` : `${rank} = ${s.rank}`);
  if (s.tracks !== null) conds.push(`track IN ${literalList(s.tracks)}`);
  if (s.target !== null) conds.push(`target = ${literal(s.target)}`);
  if (s.major !== 0) conds.push(`(major & ${s.major}) <> 0`);
  return conds.length === 0 ? 'TRUE' : conds.join(' AND ');
}
