// Check stage over a rules directory: vocabulary, every rule file's structure, expressions,
// source citations and cross-references. Collects every problem into the sink.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isScalar, type Document, type LineCounter, type Node } from 'yaml';
import { parseExpression, printExpression } from '../grammar/index.js';
import type { CheckedClause, CheckedOccupation, CheckedTest } from './checked.js';
import { LEVEL_NAMES, type Level } from '../runtime/words.js';
import { fileError, type DiagnosticSink, type Range } from './diagnostics.js';
import type { Cond } from './ir.js';
import { overlappingVersions } from '../runtime/versions.js';
import { packageRoot } from './package-root.js';
import { isFile, listRuleFiles, readText, realPath, refusedFile, VOCABULARY_FILE, type InputRecorder } from './check-inputs.js';
import { FileTooLargeError } from './read-bounded.js';
import { EncodingError, type EncodingProblem } from './encoding.js';
import { loadRuleFile, valueRange, type RuleFileData } from './load-rule-file.js';
import { resolveExpression, type ExprDiagnostic } from './passes/resolve-expression.js';
import { parseVocabulary, VocabularyError, type VocabularyIndex } from './vocabulary.js';
import { nodeAtPath, parseYaml, rangeOfOffsets, scalarSpanRange } from './yaml-positions.js';

export { listRuleFiles, VOCABULARY_FILE, type InputRecorder };

export interface RuleSet {
  dir: string;
  vocabulary: VocabularyIndex;
  occupations: CheckedOccupation[];
}

/** Where the vocabulary is: the rules directory's own, else the bundled one. */
export function vocabularyPath(dir: string, inputs?: InputRecorder): string {
  const own = join(dir, VOCABULARY_FILE);
  return isFile(own, inputs) ? own : bundledVocabularyPath();
}

export function bundledVocabularyPath(): string {
  return join(packageRoot(), 'rules', VOCABULARY_FILE);
}

export function loadVocabulary(file: string, sink: DiagnosticSink, inputs?: InputRecorder): VocabularyIndex | undefined {
  let text: string | undefined;
  try {
    text = readText(file, inputs);
    return parseVocabulary(text);
  } catch (e) {
    const refused = refusedFile(file, e);
    if (refused) {
      sink.report(refused);
      return undefined;
    }
    const own = e instanceof VocabularyError ? e.diagnostic : undefined;
    // An entry's field: at its line and column (computed only now, for the error).
    const range = e instanceof VocabularyError && e.pointer !== undefined && text !== undefined ? vocabularyRange(text, e.pointer) : undefined;
    sink.report({ code: own?.code ?? 'E_VOCABULARY', file, ...(range ? { range } : {}), args: own?.args ?? { detail: (e as Error).message } });
    return undefined;
  }
}

function vocabularyRange(text: string, pointer: string): Range {
  const { doc, lineCounter } = parseYaml(text);
  return valueRange({ doc, lineCounter, text }, pointer);
}

/**
 * Checks every rule file of a directory. With `inputs`, every file-system read is reported to it
 * (the check-result cache's manifest).
 */
export function checkRules(dir: string, sink: DiagnosticSink, display: (f: string) => string = (f) => f, inputs?: InputRecorder): RuleSet | undefined {
  let files: string[];
  try {
    files = listRuleFiles(dir, inputs);
  } catch (e) {
    sink.report(fileError('E_READ', display(dir), e));
    return undefined;
  }
  const vocabulary = loadVocabulary(vocabularyPath(dir, inputs), sink, inputs);
  if (!vocabulary) return undefined;
  if (files.length === 0) {
    sink.report({ code: 'E_NO_RULES', file: display(dir), args: { dir: display(dir) } });
    return undefined;
  }
  const sources = new Map<string, SourceContent>();
  const occupations: CheckedOccupation[] = [];
  for (const f of files) {
    const path = join(dir, f);
    let text: string;
    try {
      text = readText(path, inputs);
    } catch (e) {
      sink.report(refusedFile(display(path), e) ?? { code: 'E_READ', file: display(path), args: { file: display(path), detail: String(e) } });
      continue;
    }
    const checked = checkRuleFile({ dir, file: f, display: display(path), text, vocabulary, sources, sink, inputs });
    if (checked) occupations.push(checked);
  }
  checkAcrossFiles(occupations, sink, (f) => display(join(dir, f)));
  return { dir, vocabulary, occupations };
}

/** A source document as read: its text, why it is not UTF-8 or too large, or null when it cannot be read. */
type SourceContent = string | EncodingProblem | FileTooLargeError | null;

interface FileContext {
  dir: string;
  /** Path relative to the rules directory. */
  file: string;
  /** Path as shown in diagnostics. */
  display: string;
  text: string;
  vocabulary: VocabularyIndex;
  /** Source documents by path, read once per run: the text, why it was refused, or null when it cannot be read. */
  sources: Map<string, SourceContent>;
  sink: DiagnosticSink;
  /** Receives the reads of source documents. */
  inputs?: InputRecorder;
}

export function checkRuleFile(ctx: FileContext): CheckedOccupation | undefined {
  const { sink, display } = ctx;
  const errorsBefore = sink.items.filter((d) => d.severity === 'error').length;
  const loaded = loadRuleFile(display, ctx.text, sink);
  if (!loaded) return undefined;
  const { data, doc, lineCounter } = loaded;
  const at = (path: (string | number)[]): Range | undefined => {
    const n = nodeAtPath(doc, path);
    return n?.range ? rangeOfOffsets(lineCounter, ctx.text, n.range[0], n.range[1]) : undefined;
  };
  const lineOf = (path: (string | number)[]): number => at(path)?.start.line ?? 0;
  const levels = data.levels as Level[];

  // Source citations.
  const { sourceName, sourcePath, sourceText } = sourceDocument(ctx, data.source, at(['source', 'file']));
  const cite = (sentence: string, path: (string | number)[]): void => {
    if (sourceText !== null && !sourceText.includes(sentence)) {
      sink.report({ code: 'E_SOURCE_MISSING', file: display, range: at(path), args: { file: sourceName } });
    }
  };

  const expression = (path: (string | number)[], gate: boolean): { cond: Cond; when: string } | undefined => {
    const node = nodeAtPath(doc, path);
    const source = String(getIn(data, path));
    const parsed = parseExpression(source);
    const problems: ExprDiagnostic[] = [...parsed.diagnostics];
    let cond: Cond | undefined;
    if (parsed.ast) cond = resolveExpression(parsed.ast, { vocabulary: ctx.vocabulary, levels, gate }, problems);
    for (const p of problems) {
      sink.report({
        code: p.code,
        file: display,
        range: expressionRange(node, ctx.text, lineCounter, p.range),
        args: p.args,
        ...(p.suggestions ? { suggestions: p.suggestions } : {}),
      });
    }
    if (!parsed.ast || !cond) return undefined;
    return { cond, when: printExpression(parsed.ast) };
  };

  let education: CheckedOccupation['education'] = null;
  if (data.education) {
    cite(data.education.source, ['education', 'source']);
    const e = expression(['education', 'when'], true);
    if (e) education = { text: data.education.source, when: e.when, cond: e.cond };
  }

  const declared = new Set<number>(levels);
  data.workTypes?.forEach((w, i) => {
    for (const [j, l] of (w.levels ?? []).entries()) {
      if (!declared.has(l)) sink.report({ code: 'E_WORKTYPE_LEVEL', file: display, range: at(['workTypes', i, 'levels', j]), args: { workType: w.name, level: l } });
    }
    if (w.source) cite(w.source, ['workTypes', i, 'source']);
  });

  const clauses: CheckedClause[] = [];
  const seenLevels = new Set<number>();
  data.conditions.forEach((group, gi) => {
    if (!declared.has(group.level)) {
      sink.report({ code: 'E_LEVEL_NOT_DECLARED', file: display, range: at(['conditions', gi, 'level']), args: { level: group.level } });
    }
    if (seenLevels.has(group.level)) {
      sink.report({ code: 'E_DUPLICATE_LEVEL', file: display, range: at(['conditions', gi, 'level']), args: { level: group.level } });
    }
    seenLevels.add(group.level);
    cite(group.source, ['conditions', gi, 'source']);
    const ids = new Set<string>();
    group.clauses.forEach((c, ci) => {
      const path = ['conditions', gi, 'clauses', ci];
      if (ids.has(c.id)) sink.report({ code: 'E_DUPLICATE_ID', file: display, range: at([...path, 'id']), args: { what: '条款编号', id: c.id } });
      ids.add(c.id);
      cite(c.source, [...path, 'source']);
      const e = expression([...path, 'when'], false);
      if (!e) return;
      clauses.push({
        id: `${data.id}/${group.level}/${c.id}`,
        level: group.level as Level,
        localId: c.id,
        text: c.source,
        when: e.when,
        ...(c.note !== undefined ? { note: c.note } : {}),
        line: lineOf(path),
        sourceRange: at([...path, 'source']),
        cond: e.cond,
      });
    });
  });

  const tests: CheckedTest[] = [];
  const allClauseIds = new Set(data.conditions.flatMap((g) => g.clauses.map((c) => `${g.level}/${c.id}`)));
  (data.tests ?? []).forEach((t, ti) => {
    const path = ['tests', ti];
    for (const [j, ref] of (t.only ?? []).entries()) {
      if (!allClauseIds.has(ref)) sink.report({ code: 'E_TEST_CLAUSE', file: display, range: at([...path, 'only', j]), args: { test: t.name, clause: ref } });
    }
    for (const ref of Object.keys(t.clauses ?? {})) {
      if (!allClauseIds.has(ref)) sink.report({ code: 'E_TEST_CLAUSE', file: display, range: at([...path, 'clauses', ref]), args: { test: t.name, clause: ref } });
    }
    for (const l of Object.keys(t.expect ?? {})) {
      if (!declared.has(Number(l))) sink.report({ code: 'E_TEST_LEVEL', file: display, range: at([...path, 'expect', l]), args: { test: t.name, level: l } });
    }
    if (t.expect === undefined && t.only === undefined && t.clauses === undefined) {
      sink.report({ code: 'W_TEST_NO_EXPECTATION', severity: 'warning', file: display, range: at([...path, 'name']), args: { test: t.name } });
    }
    tests.push({
      name: t.name,
      line: lineOf(path),
      asOf: t.asOf,
      ...(t.workType !== undefined ? { workType: t.workType } : {}),
      profile: t.profile,
      expect: t.expect ?? {},
      only: t.only ?? [],
      clauses: t.clauses ?? {},
      ...(t.reviewed === false ? { reviewed: false } : {}),
    });
  });

  const inForceRange = at(['inForce']) ?? at(['id']);
  if (data.inForce?.to !== undefined && data.inForce.to < data.inForce.from) {
    sink.report({ code: 'E_VERSION_PERIOD', file: display, range: at(['inForce', 'to']), args: { from: data.inForce.from, to: data.inForce.to } });
  }

  const errorsAfter = sink.items.filter((d) => d.severity === 'error').length;
  if (errorsAfter > errorsBefore) return undefined;
  const v = ctx.vocabulary.vocabulary;
  return {
    file: ctx.file.split(sep).join('/'),
    id: data.id,
    name: data.name,
    aliases: data.aliases ?? [],
    version: data.version ?? null,
    inForce: data.inForce ? { from: data.inForce.from, to: data.inForce.to ?? null } : null,
    inForceRange,
    levels: [...levels].sort((a, b) => b - a),
    workTypes: (data.workTypes ?? []).map((w) => ({ name: w.name, levels: ((w.levels ?? levels) as Level[]).slice().sort((a, b) => b - a) })),
    related: {
      occupations: data.related?.occupations ?? [],
      sameMajors: data.related?.sameMajors ?? [],
      majors: data.related?.majors ?? [],
    },
    education,
    source: {
      file: data.source.file ?? sourcePath,
      ...(data.source.text !== undefined ? { text: data.source.text } : {}),
      section: data.source.section,
      sectionRange: at(['source', 'section']),
    },
    notEncoded: (data.notEncoded ?? []).map((n, i) => ({
      section: n.section,
      level: n.level as Level,
      clause: n.clause,
      reason: n.reason,
      line: lineOf(['notEncoded', i]),
      range: at(['notEncoded', i, 'clause']),
    })),
    clauses,
    tests,
    ranks: Object.fromEntries(v.education.map((e) => [e.name, e.rank])),
    trackRanks: Object.fromEntries(v.tracks.map((t) => [t.name, t.rank])),
    trackFamily: v.education.filter((e) => e.family === '技工院校').map((e) => e.name),
    workKinds: v.workKinds.map((k) => k.name),
    factNames: Object.fromEntries(v.facts.flatMap((f) => [[f.name, f.name], [f.en, f.name]])),
    english: englishNames(v),
    evidence: v.evidence,
  };
}

/**
 * The source document a rule file cites (`text` when readable): a file inside the rules directory
 * (read once per run), or the text inline for a self-contained rule file. Why it cannot be read is
 * reported at `fileRange` (the `file:` value).
 */
function sourceDocument(ctx: FileContext, cited: RuleFileData['source'], fileRange: Range | undefined): { sourceName: string; sourcePath: string; sourceText: string | null } {
  const sourceName = cited.file ?? '(source.text)';
  const report = (code: string, args: Record<string, string | number>): void => ctx.sink.report({ code, file: ctx.display, range: fileRange, args: { file: sourceName, ...args } });
  const sourcePath = cited.file !== undefined ? join(ctx.dir, cited.file) : `${ctx.file}#source.text`;
  if (cited.text !== undefined) ctx.sources.set(sourcePath, cited.text);
  // A document outside the rules directory is never read: citations checked against any readable
  // file would reveal its contents.
  if (cited.file !== undefined && !insideRulesDir(ctx.dir, cited.file, ctx.inputs)) {
    report('E_SOURCE_OUTSIDE', {});
    return { sourceName, sourcePath, sourceText: null };
  }
  if (!ctx.sources.has(sourcePath)) {
    let content: SourceContent = null;
    try {
      content = readText(sourcePath, ctx.inputs);
    } catch (e) {
      content = e instanceof EncodingError ? e.problem : e instanceof FileTooLargeError ? e : null;
    }
    ctx.sources.set(sourcePath, content);
  }
  const source = ctx.sources.get(sourcePath) ?? null;
  if (source instanceof FileTooLargeError) report('E_SOURCE_TOO_LARGE', { size: source.size, max: source.max });
  // Not UTF-8: its sentences cannot be found, and saying so for each would hide why.
  else if (source !== null && typeof source === 'object') report('E_SOURCE_ENCODING', { line: source.line, col: source.col, byte: source.byte });
  else if (source === null) report('E_SOURCE_FILE', {});
  return { sourceName, sourcePath, sourceText: typeof source === 'string' ? source : null };
}

/**
 * Whether a rule file's `source.file` names a file inside the rules directory: a relative path
 * that stays inside it, and whose real path (symbolic links resolved) does too. A path that does
 * not exist is inside when it is so lexically (it is then reported as not found).
 */
function insideRulesDir(dir: string, file: string, inputs?: InputRecorder): boolean {
  const within = (base: string, path: string): boolean => {
    const r = relative(base, path);
    return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
  };
  if (isAbsolute(file) || !within(resolve(dir), resolve(dir, file))) return false;
  const real = realPath(join(dir, file), inputs);
  if (real === undefined) return true;
  const realDir = realPath(dir, inputs);
  return realDir !== undefined && within(realDir, real);
}

/** English names of the vocabulary's words, for English explanations. */
function englishNames(v: VocabularyIndex['vocabulary']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const list of [v.education, v.tracks, v.groups, v.workKinds, v.facts]) for (const x of list) out[x.name] = x.en;
  const four = v.levels.find((l) => l.level === 4);
  const three = v.levels.find((l) => l.level === 3);
  if (four) out[four.old] = LEVEL_NAMES[4].en;
  if (three) out[three.old] = LEVEL_NAMES[3].en;
  return out;
}

function checkAcrossFiles(occupations: CheckedOccupation[], sink: DiagnosticSink, display: (f: string) => string): void {
  const byId = new Map<string, CheckedOccupation[]>();
  for (const o of occupations) byId.set(o.id, [...(byId.get(o.id) ?? []), o]);
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    // Several files of one occupation are versions: each states its period, and periods do not overlap.
    for (const o of list) {
      if (o.inForce === null) sink.report({ code: 'E_VERSION_NO_PERIOD', file: display(o.file), range: o.inForceRange, args: { id } });
    }
    const dated = list.filter((o) => o.inForce !== null);
    for (const [a, b] of overlappingVersions(dated, (o) => o)) {
      sink.report({
        code: 'E_VERSION_OVERLAP',
        file: display(b.file),
        range: b.inForceRange,
        args: { id, other: display(a.file), from: a.inForce!.from, to: a.inForce!.to ?? '—' },
      });
    }
    const labels = new Set<string>();
    for (const o of list) {
      const label = o.version ?? o.inForce?.from ?? '';
      if (labels.has(label)) sink.report({ code: 'E_DUPLICATE_ID', file: display(o.file), range: o.inForceRange, args: { what: '版本', id: `${id}@${label}` } });
      labels.add(label);
    }
  }
}

function getIn(data: unknown, path: (string | number)[]): unknown {
  let cur: unknown = data;
  for (const key of path) cur = (cur as Record<string | number, unknown>)?.[key];
  return cur;
}

/** Maps offsets inside an expression string to a range in the YAML file. */
function expressionRange(node: Node | null | undefined, text: string, lc: LineCounter, r: { start: number; end: number }): Range | undefined {
  if (!node || !isScalar(node) || !node.range) return undefined;
  return scalarSpanRange(lc, text, node, r.start, r.end);
}

export type { RuleFileData, Document };
