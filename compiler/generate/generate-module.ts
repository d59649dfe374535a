// Generate stage: one checked occupation → one TypeScript (or plain JavaScript) module that
// imports only the runtime. Output is deterministic: no dates, no absolute paths, stable order.
// Every string from a rule file enters the code through `literal`, never pasted.
import type { CheckedOccupation } from '../checked.js';
import { toPlan, type Cond } from '../ir.js';
import { credentials, type SchoolSpec } from '../../runtime/plan.js';
import { parseDay } from '../../runtime/dates.js';

export interface GenerateOptions {
  /** Module specifier of the runtime. */
  runtime: string;
  /** 'ts' emits type annotations; 'js' the same code without them. */
  lang: 'ts' | 'js';
  /**
   * 'module' (default) is an ES module; 'function' is the same code as the body of a function
   * taking the runtime as `R` and returning the exports, for loading into a running process.
   */
  format?: 'module' | 'function';
  /** Tool name and version for the header. */
  generator: string;
}

/** A JS string literal safe anywhere: JSON escaping plus U+2028/U+2029. */
export function literal(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A JSON value as an indented literal, every string escaped by `literal`. */
export function dataLiteral(value: unknown, indent = ''): string {
  const next = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => literal(v)).join(', ')}]`;
    return `[\n${value.map((v) => next + dataLiteral(v, next)).join(',\n')},\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${next}${propertyKey(k)}: ${dataLiteral(v, next)}`).join(',\n')},\n${indent}}`;
  }
  return literal(value);
}

function propertyKey(k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : literal(k);
}

/** One occupation's module: the runtime calls of its conditions, their helpers and the exports around them. */
export function generateModule(occ: CheckedOccupation, options: GenerateOptions): string {
  const w = new ConditionWriter(options.lang === 'ts');
  const functions = clauseFunctions(occ, w);
  const out = [...moduleHead(occ, options, w), ...w.declarations(), ...functions, ...moduleExports(occ, w)];
  if (options.format !== 'function') return out.join('\n');
  out.push('return { meta, occupation, evaluate };', '');
  return out.map((line) => line.replace(/^export /, '')).join('\n');
}

/**
 * Writes conditions as runtime calls on prepared facts `f`. A 且 or 或 becomes a small function that
 * stops at the first deciding operand; school specs are shared constants. Both are declared once.
 */
class ConditionWriter {
  private readonly specs: SchoolSpec[] = [];
  /** Other constant parameters (event specs), by name, in the order first used. */
  private readonly constants: { name: string; type: string; key: string; value: unknown }[] = [];
  private readonly helpers: string[] = [];
  /** An index known to be in bounds (noUncheckedIndexedAccess); nothing in JavaScript. */
  readonly defined: string;

  constructor(readonly ts: boolean) {
    this.defined = ts ? '!' : '';
  }

  /** `: T` in TypeScript, nothing in JavaScript. */
  type(t: string): string {
    return this.ts ? `: ${t}` : '';
  }

  expr(c: Cond): string {
    switch (c.op) {
      case 'experience':
        return `R.experience(f, ${c.scope}, ${c.kinds}, ${c.continuous}, ${literal(c.cmp)}, ${c.days})`;
      case 'experienceAfter':
        return `R.experienceAfter(f, ${c.certScope}, ${c.level}, ${c.scope}, ${c.kinds}, ${c.continuous}, ${literal(c.cmp)}, ${c.days})`;
      case 'holds':
        return `R.holds(f, ${c.scope}, ${c.level})`;
      case 'holdsPrepTechnician':
        return `R.holdsPrepTechnician(f, ${c.scope})`;
      case 'training':
        return `R.training(f, ${c.scope}, ${c.level}, ${c.exam})`;
      case 'apprenticeship':
        return `R.apprenticeship(f, ${c.scope})`;
      case 'school':
        return `R.school(f, ${this.specName(c.spec)})`;
      case 'age':
        return `R.age(f, ${literal(c.cmp)}, ${c.years})`;
      case 'flag':
        return `R.flag(f, ${literal(c.name)})`;
      case 'fact':
        return `R.fact(f, ${literal(c.name)}, ${literal(c.cmp)}, ${c.value})`;
      case 'ageBySex':
        return `R.ageBySex(f, ${literal(c.cmp)}, ${c.male}, ${c.female})`;
      case 'category':
        return `R.category(f, ${literal(c.name)})`;
      case 'working':
        return `R.working(f, ${c.scope}, ${c.kinds})`;
      case 'events': {
        const { op: _op, range: _range, ...spec } = c;
        return `R.events(f, ${this.constant('events', spec, 'R.EventSpec')})`;
      }
      case 'certWindow':
        return `R.certWindow(f, ${c.scope}, ${c.level}, ${c.months})`;
      // Dates as day numbers, worked out here once (the text is a checked YYYY-MM-DD).
      case 'certDated':
        return `R.certDated(f, ${c.scope}, ${c.level}, ${parseDay(c.from)}, ${parseDay(c.to)})`;
      case 'ageOn':
        return `R.ageOnDay(f, ${parseDay(c.date)}, ${literal(c.cmp)}, ${c.years})`;
      case 'insured':
        return `R.insured(f, ${literal(c.scheme)}, ${literal(c.cmp)}, ${c.months}, ${c.until === null ? 'null' : `{ scope: ${c.until.scope}, level: ${c.until.level} }`})`;
      case 'not':
        return `R.not(${this.expr(c.item)})`;
      case 'and':
      case 'or':
        return this.junction(c.op, c.items);
    }
  }

  /** A function over the facts returning `body`'s value. */
  fn(name: string, body: string): string {
    return `function ${name}(f${this.type('R.Facts')})${this.type('R.Tri')} {\n  return ${body};\n}`;
  }

  /** The school specs and the 且/或 helpers, in the order first used. */
  declarations(): string[] {
    return [
      ...this.specs.flatMap((s, i) => [`const school${i}${this.type('R.SchoolSpec')} = ${dataLiteral(s)};`, '']),
      ...this.constants.flatMap((c) => [`const ${c.name}${this.type(c.type)} = ${dataLiteral(c.value)};`, '']),
      ...this.helpers.flatMap((h) => [h, '']),
    ];
  }

  /** A constant holding `value` (declared once however often used), named `<prefix><n>`. */
  private constant(prefix: string, value: unknown, type: string): string {
    const key = JSON.stringify(value);
    const found = this.constants.find((c) => c.key === key);
    if (found) return found.name;
    const name = `${prefix}${this.constants.filter((c) => c.name.startsWith(prefix)).length}`;
    this.constants.push({ name, type, key, value });
    return name;
  }

  private specName(spec: SchoolSpec): string {
    const key = JSON.stringify(spec);
    let i = this.specs.findIndex((s) => JSON.stringify(s) === key);
    if (i < 0) i = this.specs.push(spec) - 1;
    return `school${i}`;
  }

  private junction(op: 'and' | 'or', items: Cond[]): string {
    const slot = this.helpers.push('') - 1;
    const name = `node${slot}`;
    const [decide, other] = op === 'and' ? ['R.F', 'R.T'] : ['R.T', 'R.F'];
    const lines = [`function ${name}(f${this.type('R.Facts')})${this.type('R.Tri')} {`, `  let result${this.type('R.Tri')} = ${other};`, `  let v${this.type('R.Tri')};`];
    for (const item of items) lines.push(`  v = ${this.expr(item)};`, `  if (v === ${decide}) return ${decide};`, `  if (v === R.U) result = R.U;`);
    lines.push('  return result;', '}');
    this.helpers[slot] = lines.join('\n');
    return `${name}(f)`;
  }
}

/** The requirement's and each clause's function, and a clause's credential (its school atoms) where it has one. */
function clauseFunctions(occ: CheckedOccupation, w: ConditionWriter): string[] {
  const out: string[] = [];
  if (occ.education) out.push(`/** 学历要求: ${commentSafe(occ.education.when)} */`, w.fn('requirement', w.expr(occ.education.cond)));
  occ.preconditions.forEach((p, i) => out.push(`/** 前提条件 ${commentSafe(p.id)}: ${commentSafe(p.when)} */`, w.fn(`precondition${i}`, w.expr(p.cond)), ''));
  // The preconditions gating a clause (all but those it waives), one function per distinct set.
  const gates = new Map<string, string>();
  occ.clauses.forEach((clause) => {
    const kept = preconditionsOf(occ, clause.waives);
    const key = kept.join(',');
    if (kept.length === 0 || gates.has(key)) return;
    const name = `preconditions${gates.size}`;
    gates.set(key, name);
    const calls = kept.map((i) => `precondition${i}(f)`);
    out.push(w.fn(name, calls.length === 1 ? calls[0]! : calls.reduce((a, b) => `R.and(${a}, ${b})`)), '');
  });
  occ.clauses.forEach((clause, i) => {
    out.push(`// ${clause.id}`, w.fn(`clause${i}`, w.expr(clause.cond)), '');
    const schools = credentials(clause.cond);
    if (schools.length > 0) {
      const body = schools.length === 1 ? w.expr(schools[0]!) : w.expr({ op: 'or', items: schools, range: clause.cond.range });
      out.push(w.fn(`credential${i}`, body), '');
    }
  });
  if (occ.education) out.splice(2, 0, '');
  return out;
}

/** Indexes of the preconditions that gate a clause waiving `waives`. */
function preconditionsOf(occ: CheckedOccupation, waives: readonly string[] | undefined): number[] {
  return occ.preconditions.flatMap((p, i) => (waives?.includes(p.id) ? [] : [i]));
}

/** The name of the function testing the preconditions of a clause, or null when none gate it. */
function preconditionsName(occ: CheckedOccupation, waives: readonly string[] | undefined): string | null {
  const kept = preconditionsOf(occ, waives);
  if (kept.length === 0) return null;
  const keys: string[] = [];
  for (const c of occ.clauses) {
    const k = preconditionsOf(occ, c.waives).join(',');
    if (k !== '' && !keys.includes(k)) keys.push(k);
  }
  return `preconditions${keys.indexOf(kept.join(','))}`;
}

/** What the runtime reads of the occupation: names, levels, work types, relations, clauses with their plans, vocabulary. */
export function metaOf(occ: CheckedOccupation): unknown {
  return {
    id: occ.id,
    name: occ.name,
    aliases: occ.aliases,
    version: occ.version,
    inForce: occ.inForce,
    levels: occ.levels,
    workTypes: occ.workTypes,
    related: occ.related,
    education: occ.education ? { text: occ.education.text, when: occ.education.when, plan: toPlan(occ.education.cond) } : null,
    clauses: occ.clauses.map((c) => ({
      id: c.id,
      level: c.level,
      text: c.text,
      when: c.when,
      ...(c.note !== undefined ? { note: c.note } : {}),
      file: occ.file,
      line: c.line,
      plan: toPlan(c.cond),
      ...(c.waives !== undefined ? { waives: c.waives } : {}),
      ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
    })),
    ranks: occ.ranks,
    trackRanks: occ.trackRanks,
    trackFamily: occ.trackFamily,
    workKinds: occ.workKinds,
    factNames: occ.factNames,
    factTypes: occ.factTypes,
    english: occ.english,
    evidence: occ.evidence,
    // Only where used, so that modules without them stay as they were.
    ...(Object.keys(occ.factNone).length > 0 ? { factNone: occ.factNone } : {}),
    ...(Object.keys(occ.categoryNames).length > 0 ? { categoryNames: occ.categoryNames } : {}),
    ...(occ.preconditions.length > 0 ? { preconditions: occ.preconditions.map((p) => ({ id: p.id, text: p.text, when: p.when, plan: toPlan(p.cond) })) } : {}),
    ...(occ.registration ? { registration: occ.registration } : {}),
    ...(Object.keys(occ.eventNames).length > 0 ? { eventNames: occ.eventNames } : {}),
    ...(occ.outcomes ? { outcomes: true } : {}),
    ...(Object.keys(occ.amounts).length > 0 ? { amounts: occ.amounts } : {}),
    ...(occ.counting !== 'days' ? { counting: occ.counting } : {}),
    ...(occ.notOffered.length > 0 ? { notOffered: occ.notOffered } : {}),
  };
}

/** The header, the import of the runtime, the module's types (TypeScript) and `meta`. */
function moduleHead(occ: CheckedOccupation, options: GenerateOptions, w: ConditionWriter): string[] {
  return [
    `// @generated by ${options.generator} from ${commentSafe(occ.file)}. DO NOT EDIT.`,
    '// Regenerate with `zige compile`. Imports only the zige runtime.',
    ...(options.format === 'function' ? [] : [`import * as R from ${literal(options.runtime)};`]),
    '',
    ...(w.ts
      ? [
          "/** This occupation's id, name and levels as types: what `evaluate` reports in `id`, `occupation` and `level`. */",
          `export type Id = ${literal(occ.id)};`,
          `export type Name = ${literal(occ.name)};`,
          `export type Level = ${[...occ.levels].sort((a, b) => b - a).join(' | ')};`,
          '/** One level\'s result without explanations (`explain: false`), and with them (discriminated on `status`). */',
          'export type FastResult = R.LevelResult<Id, Name, Level>;',
          'export type Result = R.ExplainedLevelResult<Id, Name, Level>;',
          '',
        ]
      : []),
    `export const meta${w.type('R.OccupationMeta & { readonly id: Id; readonly name: Name; readonly levels: readonly Level[] }')} = ${dataLiteral(metaOf(occ))};`,
    '',
  ];
}

/** `occupation` (what the runtime evaluates) and `evaluate`. */
function moduleExports(occ: CheckedOccupation, w: ConditionWriter): string[] {
  const entries = occ.clauses.map((clause, i) => {
    const credential = credentials(clause.cond).length > 0 ? `credential${i}` : 'null';
    const waiver = clause.waives?.includes('education') ? ', waivesEducation: true' : '';
    const pre = preconditionsName(occ, clause.waives);
    return `    { meta: meta.clauses[${i}]${w.defined}, test: clause${i}, credential: ${credential}${waiver}${pre ? `, preconditions: ${pre}` : ''} },`;
  });
  return [
    `export const occupation${w.type('R.CompiledOccupation')} = {`,
    '  meta,',
    `  requirement: ${occ.education ? 'requirement' : 'null'},`,
    '  clauses: [',
    ...entries,
    '  ],',
    '};',
    '',
    `/** Evaluates ${commentSafe(occ.id)} for one applicant, level by level (五级 first). */`,
    `export function evaluate${w.ts ? '<O extends R.EvaluateOptions>' : ''}(profile${w.type('R.Profile')}, options${w.type('O')})${w.type('R.ResultsFor<O, FastResult, Result>')} {`,
    // the runtime reports meta's id, name and levels (this occupation's), at least one level
    `  return R.evaluateOccupation(occupation, profile, options)${w.ts ? ' as R.ResultsFor<O, FastResult, Result>' : ''};`,
    '}',
    '',
  ];
}

/** Text that may sit inside a comment: no comment terminators, no line breaks. */
function commentSafe(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/[\r\n\u2028\u2029]/g, ' ');
}

export interface IndexEntry {
  id: string;
  module: string;
  /** The occupation's name and aliases: with the id, what the index looks it up by. */
  names: readonly string[];
}

export function generateIndex(entries: IndexEntry[], options: GenerateOptions): string {
  const ts = options.lang === 'ts';
  const type = (t: string): string => (ts ? `: ${t}` : '');
  const sorted = [...entries].sort((a, b) => (a.module < b.module ? -1 : 1));
  // every spelling the lookup takes → the modules (versions, or occupations sharing a name) it may pick
  const byKey = new Map<string, number[]>();
  sorted.forEach((e, i) => {
    for (const key of new Set([e.id, ...e.names])) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const results = (i: number[], kind: string): string => i.map((m) => `${kind}${m}`).join(' | ');
  const resultsFor = "R.ResultsFor<O, Results[K]['fast'], Results[K]['explained']>";
  const types = ts
    ? [
        '/** Each occupation\'s results, by every id, name and alias `evaluate` and `occupationInForce` take. */',
        'export interface Results {',
        ...[...byKey].map(([key, i]) => `  ${literal(key)}: { fast: ${results(i, 'FastResult')}; explained: ${results(i, 'Result')} };`),
        '}',
        '/** An id, name or alias of a compiled occupation, spelled out (the keys of Results) for hovers and messages. */',
        'export type OccupationKey =',
        ...[...byKey.keys()].map((key, i, all) => `  | ${literal(key)}${i === all.length - 1 ? ';' : ''}`),
        '',
      ]
    : [];
  const lines = [
    `// @generated by ${options.generator}. DO NOT EDIT.`,
    '// Every compiled occupation (each version), and evaluation by id with the version in force.',
    `import * as R from ${literal(options.runtime)};`,
    ...sorted.map((e, i) => `import { occupation as o${i}${ts ? `, type FastResult as FastResult${i}, type Result as Result${i}` : ''} } from ${literal(`./${e.module}.js`)};`),
    '',
    ...types,
    `export const occupations${type('readonly R.CompiledOccupation[]')} = [${sorted.map((_, i) => `o${i}`).join(', ')}];`,
    '',
    '/** The version of an occupation (by id, name or alias) in force on `asOf`. */',
    `export function occupationInForce(occupation${type('OccupationKey')}, asOf${type('string')})${type('R.CompiledOccupation')} {`,
    '  const key = R.normalizeName(occupation);',
    '  const candidates = occupations.filter((o) =>',
    '    [o.meta.id, o.meta.name, ...o.meta.aliases].some((n) => R.normalizeName(n) === key),',
    '  );',
    "  if (candidates.length === 0) throw new RangeError(`unknown occupation: ${occupation}`);",
    '  const choice = R.versionInForce(candidates, asOf, (o) => o.meta);',
    "  if (!choice.ok) throw new RangeError(`no version of ${occupation} in force on ${asOf}`);",
    '  return choice.value;',
    '}',
    '',
    '/** Evaluates one occupation for one applicant with the version in force on `options.asOf`. */',
    `export function evaluate${ts ? '<K extends OccupationKey, O extends R.EvaluateOptions>' : ''}(`,
    `  occupation${type('K')},`,
    `  profile${type('R.Profile')},`,
    `  options${type('O')},`,
    `)${type(resultsFor)} {`,
    `  return R.evaluateOccupation(occupationInForce(occupation, options.asOf), profile, options)${ts ? ` as ${resultsFor}` : ''};`,
    '}',
    '',
  ];
  return lines.join('\n');
}
