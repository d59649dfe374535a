// One applicant of the main sheet: the row's fields checked against the rules (occupation, work
// type, level, declared condition), the identity number checked and masked, the same applicant
// twice caught, the profile built with the detail sheets' entries, and the level applied for
// judged by the runtime, as `zige eval --json` judges the same profile.
import { evaluateProfile, ProfileError, type CompiledOccupation, type ExplainedLevelResult, type Level, type Profile, type Warning } from '../runtime/index.js';
import { LEVEL_NAMES } from '../runtime/words.js';
import { findOccupations } from '../cli/eval.js';
import type { Candidate } from '../cli/bundled.js';
import { buildProfile, mainRowEntries, type Details } from './build-profile.js';
import { matchDeclared } from './declared.js';
import { MAIN_FIELDS } from './fields.js';
import { columnLetter } from './header.js';
import { checkIdentity, maskIdentity } from './identity.js';
import { levelLabel } from './levels.js';
import type { Problem, ReadRow } from './read-fields.js';
import { problemCells, resultCells } from './result-cells.js';
import type { ResultKey } from './fields.js';

export interface RosterContext {
  sheet: string;
  columns: ReadonlyMap<string, number>;
  occupations: readonly Candidate[];
  asOf: string;
  details: ReadonlyMap<string, Details>;
  /** Identity number · occupation · level → the row it was first seen on. */
  seen: Map<string, number>;
}

export interface Judged {
  occupation: string;
  level: string;
  cells: Record<ResultKey, string>;
  problems: Problem[];
  /** The evaluation (none when a cell could not be read). */
  result?: ExplainedLevelResult;
  warnings?: Warning[];
  /** The profile judged (for tests and --debug comparisons; never written out). */
  profile?: Profile;
}

const IDENTITY_REASONS = { format: '须为 18 位（最后一位可为 X）', checksum: '校验码不对', birth: '其中的出生日期不存在' } as const;

function fieldLabel(key: string): string {
  return MAIN_FIELDS.find((f) => f.key === key)?.zh ?? key;
}

/** A problem at the row's cell of field `key` (or its first cell when the column is absent). */
function at(ctx: RosterContext, row: number, key: string, code: Problem['code'], args: Problem['args']): Problem {
  return { ref: `${ctx.sheet}!${columnLetter(ctx.columns.get(key) ?? 1)}${row}`, code, args };
}

function occupationOf(ctx: RosterContext, row: number, name: string | undefined, problems: Problem[]): Candidate | undefined {
  if (!name) return void problems.push(at(ctx, row, 'occupation', 'E_ROSTER_REQUIRED', { column: fieldLabel('occupation') }));
  const found = findOccupations([...ctx.occupations], name)[0];
  if (!found) problems.push(at(ctx, row, 'occupation', 'E_ROSTER_OCCUPATION', { value: name, allowed: ctx.occupations.map((o) => o.name).join('、') }));
  return found;
}

function identity(ctx: RosterContext, row: number, read: ReadRow, occ: Candidate | undefined, level: Level | undefined, problems: Problem[]): string | undefined {
  const raw = read.values.idNumber;
  if (typeof raw !== 'string' || raw === '') return undefined;
  const id = checkIdentity(raw);
  if (!id.ok) {
    problems.push(at(ctx, row, 'idNumber', 'E_ROSTER_ID', { masked: maskIdentity(raw), reason: IDENTITY_REASONS[id.reason] }));
    return undefined;
  }
  const key = `${id.number}\u0000${occ?.id ?? ''}\u0000${level ?? ''}`;
  const first = ctx.seen.get(key);
  if (first === undefined) ctx.seen.set(key, row);
  else problems.push(at(ctx, row, 'idNumber', 'E_ROSTER_DUPLICATE', { first, masked: maskIdentity(raw) }));
  return id.birthDate;
}

/** The level applied for, checked against what the occupation (and work type) offers. */
function levelOf(ctx: RosterContext, row: number, read: ReadRow, occ: Candidate, problems: Problem[]): Level | undefined {
  const level = read.values.level;
  if (typeof level !== 'number') {
    if (level === undefined && !read.problems.some((p) => p.ref === at(ctx, row, 'level', 'E_ROSTER_LEVEL', {}).ref)) problems.push(at(ctx, row, 'level', 'E_ROSTER_REQUIRED', { column: fieldLabel('level') }));
    return undefined;
  }
  const workType = typeof read.values.workType === 'string' && read.values.workType !== '' ? read.values.workType : undefined;
  const wt = workType === undefined ? undefined : occ.workTypes.find((w) => w.name === workType);
  if (workType !== undefined && !wt) {
    problems.push(at(ctx, row, 'workType', 'E_ROSTER_WORK_TYPE', { occupation: occ.name, value: workType, allowed: occ.workTypes.map((w) => w.name).join('、') }));
    return undefined;
  }
  const offered = wt ? wt.levels : occ.levels;
  if (!offered.includes(level as Level)) {
    problems.push(at(ctx, row, 'level', 'E_ROSTER_LEVEL_NOT_OFFERED', { occupation: wt ? `${occ.name}（${wt.name}）` : occ.name, level: LEVEL_NAMES[level as Level].zh, offered: offered.map((l) => LEVEL_NAMES[l].zh).join('、') }));
    return undefined;
  }
  return level as Level;
}

/** Judges one applicant's row (`read`: its fields, as read; `key`: its row key). */
export function judgeApplicant(ctx: RosterContext, row: number, read: ReadRow, key: string | undefined): Judged {
  const problems: Problem[] = [...read.problems];
  const name = typeof read.values.occupation === 'string' ? read.values.occupation : undefined;
  const occ = occupationOf(ctx, row, name, problems);
  const level = occ ? levelOf(ctx, row, read, occ, problems) : undefined;
  const birthFromId = identity(ctx, row, read, occ, level, problems);
  const label = { occupation: occ?.name ?? name ?? '', level: level ? levelLabel(level) : String(read.values.level ?? '') };
  if (!occ || level === undefined) return { ...label, cells: problemCells(problems), problems };
  const compiled: CompiledOccupation = occ.compiled();
  const declaredText = typeof read.values.declared === 'string' && read.values.declared !== '' ? read.values.declared : undefined;
  const declared = declaredText === undefined ? undefined : matchDeclared(declaredText, compiled.meta.clauses, level);
  if (declaredText !== undefined && !declared) problems.push(at(ctx, row, 'declared', 'E_ROSTER_DECLARED', { value: declaredText.slice(0, 200), occupation: occ.name }));
  const main = mainRowEntries(
    read.values,
    occ.name,
    (field) => at(ctx, row, field, 'E_ROSTER_REQUIRED', { column: fieldLabel(field) }),
    (field) => at(ctx, row, field, 'E_ROSTER_REQUIRED', {}).ref,
  );
  const details = key === undefined ? undefined : ctx.details.get(key);
  // a field already reported as unreadable is not reported again as missing
  problems.push(...main.problems.filter((p) => !problems.some((q) => q.ref === p.ref)), ...(details?.problems ?? []));
  if (problems.length > 0) return { ...label, cells: problemCells(problems), problems };
  const birthDate = typeof read.values.birthDate === 'string' ? read.values.birthDate : birthFromId;
  const { profile, refs } = buildProfile(main, details, birthDate);
  const workType = typeof read.values.workType === 'string' && read.values.workType !== '' ? read.values.workType : undefined;
  try {
    const { results, warnings } = evaluateProfile(compiled, profile, { asOf: ctx.asOf, level, workType, single: true });
    const result = results[0];
    return { ...label, cells: resultCells(result, declared?.id, warnings, refs), problems, result, warnings, profile };
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    problems.push(at(ctx, row, 'key', 'E_ROSTER_PROFILE', { detail: `${e.path}: ${e.message}` }));
    return { ...label, cells: problemCells(problems), problems };
  }
}
