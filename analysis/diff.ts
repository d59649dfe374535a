// `zige diff`: what changed between two versions of an occupation's rules, per level and clause,
// and the change in meaning in plain words: amounts side by side where only amounts changed
// (从业年限 4 年 → 3 年), else whether the new condition is wider, narrower or the same (decided
// by implication, implication.ts).
import type { CheckedClause, CheckedOccupation } from '../compiler/checked.js';
import type { Plan, PlanLeaf } from '../runtime/plan.js';
import { LEVEL_NAMES, type Level } from '../runtime/words.js';
import { findingClause, refOf } from './clause-findings.js';
import type { FindingClause } from './finding.js';
import { implies } from './implication.js';
import { dnf } from './normal-form.js';

export interface ClauseChange {
  level: Level;
  ref: string;
  change: 'added' | 'removed' | 'changed';
  old?: FindingClause;
  new?: FindingClause;
  /** The change in meaning, in plain words (Chinese / English). */
  meaning: string[];
}

export interface OccupationDiff {
  id: string;
  name: string;
  old: { file: string; version: string | null };
  new: { file: string; version: string | null };
  levelsAdded: Level[];
  levelsRemoved: Level[];
  requirement: { old: string | null; new: string | null; meaning: string[] } | null;
  clauses: ClauseChange[];
}

function amountText(leaf: PlanLeaf): string {
  if (leaf.op === 'experience' || leaf.op === 'experienceAfter') return leaf.days % 365 === 0 ? `${leaf.days / 365} 年` : `${leaf.days} 天`;
  if (leaf.op === 'age') return `${leaf.years} 岁`;
  if (leaf.op === 'fact') return String(leaf.value);
  return '';
}

function quantityName(leaf: PlanLeaf): string {
  if (leaf.op === 'experience') return leaf.continuous ? '连续从业年限 continuous experience' : '从业年限 experience';
  if (leaf.op === 'experienceAfter') return `取得${LEVEL_NAMES[leaf.level as Level]?.zh ?? leaf.level}证书后从业年限 experience after the certificate`;
  if (leaf.op === 'age') return '年龄 age';
  if (leaf.op === 'fact') return leaf.name;
  return leaf.op;
}

/** Amount changes between two plans of the same shape, leaf by leaf. */
function amountChanges(a: Plan, b: Plan, out: string[]): void {
  if ((a.op === 'and' || a.op === 'or') && (b.op === 'and' || b.op === 'or')) {
    a.items.forEach((x, i) => amountChanges(x, b.items[i], out));
    return;
  }
  if (a.op === 'not' && b.op === 'not') return amountChanges(a.item, b.item, out);
  const [ta, tb] = [amountText(a as PlanLeaf), amountText(b as PlanLeaf)];
  if (ta !== tb) out.push(`${quantityName(a as PlanLeaf)} ${ta} → ${tb}`);
}

const shape = (p: Plan): string => JSON.stringify(p, (k, v: unknown) => (k === 'range' || k === 'days' || k === 'years' || k === 'value' ? undefined : v));

/** The change from condition `a` to `b` in plain words. */
export function meaningChange(a: Plan, b: Plan): string[] {
  if (shape(a) === shape(b)) {
    const out: string[] = [];
    amountChanges(a, b, out);
    return out.length > 0 ? out : ['含义不变 same meaning (wording only)'];
  }
  const [fa, fb] = [dnf(a), dnf(b)];
  const wider = implies(fa, fb) !== null;
  const narrower = implies(fb, fa) !== null;
  if (wider && narrower) return ['含义不变 same meaning (equivalent conditions)'];
  if (wider) return ['放宽：凡满足旧条件者都满足新条件 wider: every profile meeting the old condition meets the new'];
  if (narrower) return ['收紧：凡满足新条件者都满足旧条件 narrower: every profile meeting the new condition met the old'];
  return ['条件改变，新旧互不蕴含 changed: neither condition implies the other'];
}

function clauseChanges(a: CheckedOccupation, b: CheckedOccupation): ClauseChange[] {
  const key = (c: CheckedClause): string => refOf(c);
  const olds = new Map(a.clauses.map((c) => [key(c), c]));
  const news = new Map(b.clauses.map((c) => [key(c), c]));
  const out: ClauseChange[] = [];
  for (const [ref, o] of olds) {
    const n = news.get(ref);
    if (!n) out.push({ level: o.level, ref, change: 'removed', old: findingClause(o), meaning: ['删除 removed'] });
    else if (o.when !== n.when || o.text !== n.text) {
      out.push({ level: o.level, ref, change: 'changed', old: findingClause(o), new: findingClause(n), meaning: meaningChange(o.cond as Plan, n.cond as Plan) });
    }
  }
  for (const [ref, n] of news) if (!olds.has(ref)) out.push({ level: n.level, ref, change: 'added', new: findingClause(n), meaning: ['新增 added'] });
  return out.sort((x, y) => y.level - x.level || (x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0));
}

export function diffOccupations(a: CheckedOccupation, b: CheckedOccupation): OccupationDiff {
  const ea = a.education?.when ?? null;
  const eb = b.education?.when ?? null;
  let requirement: OccupationDiff['requirement'] = null;
  if (ea !== eb) {
    const meaning = a.education && b.education ? meaningChange(a.education.cond as Plan, b.education.cond as Plan) : [eb === null ? '删除 removed' : '新增 added'];
    requirement = { old: ea, new: eb, meaning };
  }
  return {
    id: b.id,
    name: b.name,
    old: { file: a.file, version: a.version },
    new: { file: b.file, version: b.version },
    levelsAdded: b.levels.filter((l) => !a.levels.includes(l)),
    levelsRemoved: a.levels.filter((l) => !b.levels.includes(l)),
    requirement,
    clauses: clauseChanges(a, b),
  };
}
