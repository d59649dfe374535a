// Loading a rule file: YAML 1.2 core → plain data, validated against schema/rule-file.schema.json.
// Every problem is a diagnostic at the line/column of the YAML node concerned.
import type { LineCounter } from 'yaml';
import type { DiagnosticSink, Range } from '../diagnostics/diagnostics.js';
import type { Profile } from '../../runtime/profile.js';
import { checkProfileSemantics } from '../profile/profile-semantics.js';
import { schemaIssues, type SchemaIssue } from '../profile/schema-issues.js';
import { getValidators } from '../profile/validators.js';
import {
  type PathSegment,
  type YamlDocument,
  Scalar,
  findPath,
  isScalar,
  nodeRange,
  parseYaml,
  rangeOfOffsets,
  scalarSpanRange,
} from './yaml-positions.js';
import type { Level } from '../../runtime/words.js';
import type { ConditionStatus, Status } from '../../runtime/evaluate.js';
import { diagnosticCode } from '../diagnostics/messages.js';
import { yamlDiagnostic } from './yaml-problem.js';

export interface RuleSource {
  document: string;
  /** The source document, relative to the rules directory (or `text`, inline). */
  file?: string;
  text?: string;
  section: string;
  issuer?: string;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string | number;
}

export interface RuleEducation {
  source: string;
  when: string;
  note?: string;
}

export interface RuleWorkType {
  name: string;
  levels?: Level[];
  source?: string;
  note?: string;
}

export interface RuleRelated {
  occupations?: string[];
  sameMajors?: string[];
  majors?: string[];
}

export interface RuleClause {
  /** `"1"`, `"4a"`: unique within a level. */
  id: string;
  source: string;
  when: string;
  note?: string;
  /** 破格: requirements this clause alone lifts (`学历要求`/`education`, or a precondition's id). */
  waives?: string[];
  /** `next-level`: this clause grants its level only as the level above the highest held in the occupation (issue 20). */
  outcome?: 'next-level';
}

/** A condition every route of the occupation needs besides the education requirement (已转正定级 …). */
export interface RulePrecondition {
  id: string;
  source: string;
  when: string;
  note?: string;
}

export interface RuleCondition {
  level: Level;
  source: string;
  /** The level's value (a subsidy's amount), with its cited sentence. */
  amount?: { value: number; unit: string; source?: string };
  clauses: RuleClause[];
}

export interface RuleTest {
  name: string;
  asOf: string;
  workType?: string;
  occupation?: string;
  profile: Profile;
  /** Keys `"1"`…`"5"`. */
  expect?: Partial<Record<`${Level}`, Status>>;
  /** `<level>/<clause id>`, e.g. `4/2`. */
  only?: string[];
  /** Keys `<level>/<clause id>`. */
  clauses?: Record<string, ConditionStatus>;
  /** Keys `"1"`…`"5"`: the JSON Pointers the level's `verify` lists (告知承诺制), in order. */
  verify?: Partial<Record<`${Level}`, string[]>>;
  /** `false`: expectations recorded by `zige test --update`, not reviewed yet. */
  reviewed?: boolean;
}

/** A clause of the source document that no rule clause encodes, on purpose. */
export interface RuleNotEncoded {
  /** The section heading, e.g. `一、互联网营销师`. */
  section: string;
  /** Omitted for a clause under no level heading. */
  level?: Level;
  /** The clause's number in the source (`3` for `3. …`); omitted: every clause of the section (and level). */
  clause?: number;
  reason: string;
}

/** A passage of the source (verbatim) and the clauses (`<level>/<clause id>`) encoding it: trace's escape hatch. */
export interface RuleSourceMapEntry {
  passage: string;
  clauses: string[];
}

/** A rule file that passed schema validation (docs/rule-files.md). */
export interface RuleFileData {
  id: string;
  name: string;
  aliases?: string[];
  version?: string;
  inForce?: { from: string; to?: string };
  source: RuleSource;
  education?: RuleEducation;
  preconditions?: RulePrecondition[];
  /** How years and months of experience are counted (docs/rule-files.md "Counting years and months"); default days. */
  counting?: string;
  /** The registration window of the sitting (报名时间), separate from `inForce`. */
  registration?: { from: string; to: string; source?: string };
  /** The levels this sitting offers (a notice); the others are not offered, never ineligible. */
  offered?: { levels: Level[]; source?: string; note?: string };
  workTypes?: RuleWorkType[];
  levels: Level[];
  related?: RuleRelated;
  notes?: string[];
  /** Numbered source clauses left out on purpose, each with the reason (`zige trace`). */
  notEncoded?: RuleNotEncoded[];
  /** Passages of a layout trace cannot read, mapped to the clauses encoding them. */
  sourceMap?: RuleSourceMapEntry[];
  conditions: RuleCondition[];
  tests?: RuleTest[];
}

/** What positions are computed from: the parsed document, its line counter and text. */
export interface YamlSource {
  doc: YamlDocument;
  lineCounter: LineCounter;
  text: string;
}

export interface LoadedRuleFile extends YamlSource {
  file: string;
  data: RuleFileData;
}

/**
 * The Range of the node at a path (segments or JSON Pointer; the deepest existing node when the
 * path does not exist). With `span` (UTF-16 offsets into a scalar's string value, end exclusive),
 * the Range of those characters in the file, e.g. a token inside a `when:` expression. Without a
 * span, a node spanning several lines is cut at the end of its first line.
 */
export function valueRange(src: YamlSource, path: readonly PathSegment[] | string, span?: { start: number; end: number }): Range {
  const { node } = findPath(src.doc, path);
  if (span && isScalar(node)) return scalarSpanRange(src.lineCounter, src.text, node, span.start, span.end);
  return nodeRange(src.lineCounter, src.text, node, true);
}

/** The Range of the key of the map entry at a path (falls back to the value's Range). */
export function keyRange(src: YamlSource, path: readonly PathSegment[] | string): Range {
  const m = findPath(src.doc, path);
  if (m.complete && m.key) return nodeRange(src.lineCounter, src.text, m.key, true);
  return nodeRange(src.lineCounter, src.text, m.node, true);
}

/** The scalar node at a path, if the path exists and ends at a scalar. */
export function scalarAt(src: YamlSource, path: readonly PathSegment[] | string): Scalar | undefined {
  const m = findPath(src.doc, path);
  return m.complete && isScalar(m.node) ? m.node : undefined;
}

function issueRange(src: YamlSource, issue: SchemaIssue): Range {
  const m = findPath(src.doc, issue.pointer);
  if (!m.complete) return nodeRange(src.lineCounter, src.text, m.node, true);
  switch (issue.anchor) {
    case 'key':
      return nodeRange(src.lineCounter, src.text, m.key ?? m.node, true);
    case 'parent':
      // a map that is the value of an entry: point at that entry's key (`source:` missing `file`)
      return nodeRange(src.lineCounter, src.text, m.key ?? m.node, true);
    default:
      return nodeRange(src.lineCounter, src.text, m.node, true);
  }
}

/**
 * Parses and validates a rule file. YAML errors are E_YAML; schema violations E_SCHEMA_<KEYWORD>
 * at the offending node (the unknown key for E_SCHEMA_ADDITIONAL, the parent map for
 * E_SCHEMA_REQUIRED), with args `path` (JSON Pointer) and `field`. Returns undefined when any
 * error was reported.
 */
export function loadRuleFile(file: string, text: string, sink: DiagnosticSink): LoadedRuleFile | undefined {
  const parsed = parseYaml(text);
  const src: YamlSource = { doc: parsed.doc, lineCounter: parsed.lineCounter, text };
  for (const p of parsed.problems)
    sink.report(yamlDiagnostic(file, text, parsed.lineCounter, p));
  if (parsed.problems.length > 0) return undefined;

  const validate = getValidators()['rule-file'];
  let failed = false;
  if (!validate(parsed.data)) {
    failed = true;
    for (const issue of schemaIssues(validate.errors)) {
      const code = diagnosticCode(issue.kind ? `E_SCHEMA_${issue.kind}` : 'E_SCHEMA');
      const args = issue.kind ? issue.args : { ...issue.args, detail: `${issue.args.field}: ${issue.args.detail}` };
      sink.report({ code, file, range: issueRange(src, issue), args });
    }
  }
  // checks of test profiles that the schema cannot express (work periods ending before they start)
  const tests = (parsed.data as { tests?: unknown } | null)?.tests;
  if (Array.isArray(tests)) {
    tests.forEach((t: unknown, i) => {
      const profile = t !== null && typeof t === 'object' ? (t as { profile?: unknown }).profile : undefined;
      for (const p of checkProfileSemantics(profile)) {
        const path = `/tests/${i}/profile${p.path}`;
        sink.report({ code: p.code, file, range: valueRange(src, path), args: { ...p.args, path } });
        failed = true;
      }
    });
  }
  if (failed) return undefined;
  return { ...src, file, data: parsed.data as RuleFileData };
}
