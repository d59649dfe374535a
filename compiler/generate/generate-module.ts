// Generate stage: one checked occupation → one TypeScript (or plain JavaScript) module that
// imports only the runtime. Output is deterministic: no dates, no absolute paths, stable order.
// Every string from a rule file enters the code through `literal`, never pasted.
import type { CheckedOccupation } from '../checked.js';
import { toPlan, type Cond } from '../ir.js';
import type { SchoolSpec } from '../../runtime/plan.js';

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

export function generateModule(occ: CheckedOccupation, options: GenerateOptions): string {
  const ts = options.lang === 'ts';
  const type = (t: string): string => (ts ? `: ${t}` : '');
  const specs: SchoolSpec[] = [];
  const helpers: string[] = [];

  const specName = (spec: SchoolSpec): string => {
    const key = JSON.stringify(spec);
    let i = specs.findIndex((s) => JSON.stringify(s) === key);
    if (i < 0) i = specs.push(spec) - 1;
    return `school${i}`;
  };

  // An index known to be in bounds (noUncheckedIndexedAccess); nothing in JavaScript.
  const defined = ts ? '!' : '';

  const expr = (c: Cond): string => {
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
        return `R.school(f, ${specName(c.spec)})`;
      case 'age':
        return `R.age(f, ${literal(c.cmp)}, ${c.years})`;
      case 'flag':
        return `R.flag(f, ${literal(c.name)})`;
      case 'fact':
        return `R.fact(f, ${literal(c.name)}, ${literal(c.cmp)}, ${c.value})`;
      case 'not':
        return `R.not(${expr(c.item)})`;
      case 'and':
      case 'or': {
        // Compound nodes become small functions that stop at the first deciding operand.
        const slot = helpers.push('') - 1;
        const name = `node${slot}`;
        const [decide, other] = c.op === 'and' ? ['R.F', 'R.T'] : ['R.T', 'R.F'];
        const lines = [
          `function ${name}(f${type('R.Facts')})${type('R.Tri')} {`,
          `  let result${type('R.Tri')} = ${other};`,
          `  let v${type('R.Tri')};`,
        ];
        for (const item of c.items) {
          lines.push(`  v = ${expr(item)};`);
          lines.push(`  if (v === ${decide}) return ${decide};`);
          lines.push(`  if (v === R.U) result = R.U;`);
        }
        lines.push('  return result;', '}');
        helpers[slot] = lines.join('\n');
        return `${name}(f)`;
      }
    }
  };

  /** School atoms that occur positively (under no or an even number of 非): their credential meets the requirement. */
  const credentials = (c: Cond, out: Cond[] = [], positive = true): Cond[] => {
    if (c.op === 'school') {
      if (positive) out.push(c);
    } else if (c.op === 'and' || c.op === 'or') for (const i of c.items) credentials(i, out, positive);
    else if (c.op === 'not') credentials(c.item, out, !positive); // 非 非 X accepts X
    return out;
  };

  const functions: string[] = [];
  if (occ.education) {
    functions.push(
      `/** 学历要求: ${commentSafe(occ.education.when)} */`,
      `function requirement(f${type('R.Facts')})${type('R.Tri')} {\n  return ${expr(occ.education.cond)};\n}`,
    );
  }
  const entries: string[] = [];
  occ.clauses.forEach((clause, i) => {
    functions.push(`// ${clause.id}`, `function clause${i}(f${type('R.Facts')})${type('R.Tri')} {\n  return ${expr(clause.cond)};\n}`);
    const schools = credentials(clause.cond);
    let credential = 'null';
    if (schools.length > 0) {
      const body =
        schools.length === 1
          ? expr(schools[0])
          : expr({ op: 'or', items: schools, range: clause.cond.range });
      functions.push(`function credential${i}(f${type('R.Facts')})${type('R.Tri')} {\n  return ${body};\n}`);
      credential = `credential${i}`;
    }
    entries.push(`    { meta: meta.clauses[${i}]${defined}, test: clause${i}, credential: ${credential} },`);
  });

  // The decision over the occupation's distinct atoms, each computed once (`atoms`) into two bit
  // masks: bit i of a "may be true" word is set unless atom i is false, bit i of a "may be false"
  // word unless it is true (unknown sets both). A formula is then a few mask tests per plane: in
  // the true plane 且 needs every bit, 或 any; the false plane is the dual; 非 swaps the planes.
  const atomCalls: string[] = [];
  const atom = (c: Cond): number => {
    const call = expr(c);
    let i = atomCalls.indexOf(call);
    if (i < 0) i = atomCalls.push(call) - 1;
    return i;
  };
  const BITS = 30; // per word: masks stay small integers (V8 keeps them unboxed in a plain array)
  type Planes = { t: string; f: string };
  /** `all` (且 in the true plane, 或 in the false plane) or any, over atoms and sub-formulas. */
  const combine = (atoms: number[], rest: string[], plane: 't' | 'f', all: boolean): string => {
    const words = new Map<number, number>();
    for (const i of atoms) words.set(Math.floor(i / BITS), (words.get(Math.floor(i / BITS)) ?? 0) | (1 << i % BITS));
    const tests = [...words].map(([w, m]) => (all ? `(${plane}${w} & ${m}) === ${m}` : `(${plane}${w} & ${m}) !== 0`));
    const parts = [...tests, ...rest];
    if (parts.length === 0) return all ? 'true' : 'false';
    return parts.length === 1 ? parts[0] : `(${parts.join(all ? ' && ' : ' || ')})`;
  };
  /** Planes of a 且 (conjunction) or 或 (disjunction) of formulas: atoms grouped into mask tests. */
  const junction = (items: Cond[], conjunction: boolean): Planes => {
    const atoms: number[] = [];
    const subs: Planes[] = [];
    const add = (i: Cond): void => {
      if (i.op === (conjunction ? 'and' : 'or')) i.items.forEach(add); // (a 且 b) 且 c: one mask
      else if (i.op === 'and' || i.op === 'or' || i.op === 'not') subs.push(planes(i));
      else atoms.push(atom(i));
    };
    items.forEach(add);
    return {
      t: combine(atoms, subs.map((x) => x.t), 't', conjunction),
      f: combine(atoms, subs.map((x) => x.f), 'f', !conjunction),
    };
  };
  const planes = (c: Cond): Planes => {
    switch (c.op) {
      case 'and':
        return junction(c.items, true);
      case 'or':
        return junction(c.items, false);
      case 'not': {
        const x = planes(c.item);
        return { t: x.f, f: x.t };
      }
      default:
        return junction([c], true);
    }
  };
  const levelPlanes = [...occ.levels].sort((a, b) => b - a).map((level) => {
    const routes = occ.clauses
      .filter((c) => c.level === level)
      .map((c) => {
        if (!occ.education) return planes(c.cond);
        // Met with the requirement, or with a school atom of the clause (its credential) held.
        const schools = credentials(c.cond);
        const range = c.cond.range;
        const gate: Cond = schools.length === 0 ? occ.education.cond : { op: 'or', items: [occ.education.cond, ...schools], range };
        return planes({ op: 'and', items: [c.cond, gate], range });
      });
    return { level, routes };
  });
  const words = Math.max(1, Math.ceil(atomCalls.length / BITS));
  const wordNames = (plane: 't' | 'f'): string[] => Array.from({ length: words }, (_, w) => `${plane}${w}`);

  const meta = {
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
    })),
    ranks: occ.ranks,
    trackRanks: occ.trackRanks,
    trackFamily: occ.trackFamily,
    workKinds: occ.workKinds,
    factNames: occ.factNames,
    english: occ.english,
    evidence: occ.evidence,
  };

  const asFunction = options.format === 'function';
  const out: string[] = [
    `// @generated by ${options.generator} from ${commentSafe(occ.file)}. DO NOT EDIT.`,
    '// Regenerate with `zige compile`. Imports only the zige runtime.',
    ...(asFunction ? [] : [`import * as R from ${literal(options.runtime)};`]),
    '',
    ...(ts
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
    `export const meta${type('R.OccupationMeta & { readonly id: Id; readonly name: Name; readonly levels: readonly Level[] }')} = ${dataLiteral(meta)};`,
    '',
  ];
  specs.forEach((s, i) => out.push(`const school${i}${type('R.SchoolSpec')} = ${dataLiteral(s)};`, ''));
  for (const h of helpers) out.push(h, '');
  out.push(...functions.flatMap((f) => (f.startsWith('//') || f.startsWith('/**') ? [f] : [f, ''])));
  out.push(
    `export const occupation${type('R.CompiledOccupation')} = {`,
    '  meta,',
    `  requirement: ${occ.education ? 'requirement' : 'null'},`,
    '  clauses: [',
    ...entries,
    '  ],',
    '};',
    '',
    '/**',
    ` * The occupation's ${atomCalls.length} distinct conditions on prepared facts, as bit masks for \`levels\`:`,
    ` * [may be true, may be false] per word of ${BITS} conditions (condition i: word ⌊i/${BITS}⌋, bit i mod ${BITS}).`,
    ' */',
    `export function atoms(f${type('R.Facts')})${type('number[]')} {`,
    // a tuple type: every word's index is in bounds (noUncheckedIndexedAccess)
    `  const m${type(`[${Array.from({ length: 2 * words }, () => 'number').join(', ')}]`)} = [${Array.from({ length: 2 * words }, () => '0').join(', ')}];`,
    `  let b${type('number')};`,
    ...atomCalls.flatMap((call, i) => {
      const w = Math.floor(i / BITS);
      const bit = i % BITS;
      return [`  b = R.TRI_BITS[${call}];`, `  m[${2 * w}] |= (b & 1) << ${bit};`, `  m[${2 * w + 1}] |= (b >> 1) << ${bit};`];
    }),
    '  return m;',
    '}',
    '',
    '/** Each level\'s status over `atoms(f)`, requirement included: 1 eligible, 2 ineligible, 3 unknown. */',
    `export const levels${type('Readonly<Record<number, (m: readonly number[]) => number>>')} = {`,
    ...levelPlanes.flatMap((l) => [
      `  ${l.level}: (m${type('readonly number[]')})${type('number')} => {`,
      ...(l.routes.length === 0
        ? ['    return 2;']
        : [
            ...wordNames('t').map((t, w) => `    const ${t} = m[${2 * w}]${defined};`),
            ...wordNames('f').map((f, w) => `    const ${f} = m[${2 * w + 1}]${defined};`),
            '    const mayBeTrue =',
            ...l.routes.map((r, i) => `      ${r.t}${i < l.routes.length - 1 ? ' ||' : ';'}`),
            '    if (!mayBeTrue) return 2; // no route may hold: every one is false',
            '    const mayBeFalse =',
            ...l.routes.map((r, i) => `      ${r.f}${i < l.routes.length - 1 ? ' &&' : ';'}`),
            '    return mayBeFalse ? 3 : 1;',
          ]),
      '  },',
    ]),
    '};',
    '',
    `/** Evaluates ${commentSafe(occ.id)} for one applicant, level by level (五级 first). */`,
    `export function evaluate${ts ? '<O extends R.EvaluateOptions>' : ''}(profile${type('R.Profile')}, options${type('O')})${type('R.ResultsFor<O, FastResult, Result>')} {`,
    // the runtime reports meta's id, name and levels (this occupation's), at least one level
    `  return R.evaluateOccupation(occupation, profile, options)${ts ? ' as R.ResultsFor<O, FastResult, Result>' : ''};`,
    '}',
    '',
  );
  if (asFunction) {
    out.push('return { meta, occupation, evaluate, atoms, levels };', '');
    return out.map((line) => line.replace(/^export /, '')).join('\n');
  }
  return out.join('\n');
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
