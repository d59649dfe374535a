// Rows of the screening and warnings statements back into the runtime's result objects
// (runtime/evaluate.ts LevelResult, runtime/facts.ts Warning): the batch writes them exactly as
// the JS batch does, so the two engines' outputs compare byte for byte.
import { grant, type ConditionStatus, type LevelResult, type Status } from '../runtime/evaluate.js';
import type { Warning } from '../runtime/facts.js';
import type { OccupationMeta } from '../runtime/meta.js';
import { renderBoth, type RuntimeMessageCode } from '../runtime/messages.js';
import type { Level } from '../runtime/words.js';

/** A row of the screening statement (query.ts). */
export interface LevelRow {
  applicant_id: number;
  occupation_order: number;
  level: number;
  status: string;
  education: string;
  clauses: string;
}

/** A row of the warnings statement (warnings.ts). */
export interface WarningRow {
  applicant_id: number;
  code: string;
  path: string;
  occupation_id: string | null;
  arg: string | null;
  /** The occupation version the warning was said for (its name goes into the message). */
  occupation_order: number;
}

const CLAUSE_STATUS: Record<string, ConditionStatus> = { T: 'met', F: 'unmet', U: 'unknown' };

/** What each occupation version contributes to level results, computed once. */
export class ResultBuilder {
  private readonly byLevel: Map<number, { clauses: OccupationMeta['clauses']; workTypes: string[] }>[];

  constructor(readonly metas: readonly OccupationMeta[]) {
    this.byLevel = metas.map((m) => {
      const map = new Map<number, { clauses: OccupationMeta['clauses']; workTypes: string[] }>();
      for (const level of new Set<number>([...m.levels, ...m.clauses.map((c) => c.level)])) {
        map.set(level, {
          clauses: m.clauses.filter((c) => c.level === level),
          workTypes: m.workTypes.filter((w) => w.levels.includes(level as Level)).map((w) => w.name),
        });
      }
      return map;
    });
  }

  /** A level result from its row, fields in the runtime's order. */
  level(row: LevelRow): LevelResult {
    const meta = this.metas[row.occupation_order];
    const data = this.byLevel[row.occupation_order].get(row.level)!;
    const clauses = data.clauses.map((c, i) => ({ id: c.id, text: c.text, status: CLAUSE_STATUS[row.clauses[i]] }));
    const matched = clauses.filter((c) => c.status === 'met').map((c) => c.id);
    const result: LevelResult = {
      occupation: meta.name,
      id: meta.id,
      version: meta.version,
      level: row.level as Level,
      workTypes: data.workTypes.slice(),
      status: row.status as Status,
      education: row.education as ConditionStatus,
      clauses,
      matched,
    };
    // what the level grants (next-level outcomes, amounts), as the runtime says it
    return meta.outcomes || meta.amounts ? { ...result, ...grant(meta, result.level, result.status, matched) } : result;
  }

  /** A warning from its row, its message rendered from the runtime's templates. */
  warning(row: WarningRow): Warning {
    const code = row.code as RuntimeMessageCode;
    const meta = row.occupation_id === null ? undefined : this.metas[row.occupation_order];
    const arg = row.arg ?? '';
    const occupation: Record<string, string> = meta ? { occupation: meta.id, occupationName: meta.name } : {};
    const key = code === 'W_UNRELATED' ? 'entry' : code === 'W_NO_MAJOR' ? 'major' : code === 'W_UNKNOWN_KIND' ? 'kind' : 'name';
    const args: Record<string, string> = { [key]: arg, ...occupation };
    const message = renderBoth(code, { path: row.path, ...args });
    return row.occupation_id === null ? { code, path: row.path, message } : { code, path: row.path, occupation: row.occupation_id, message };
  }
}
