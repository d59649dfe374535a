// Inputs shared by the SQL tests: hostile batch lines, profiles with no one-value relations (so
// that every occupation can be judged at once), and a rules directory with hostile names.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from '../../runtime/index.js';
import { ROOT, RULES, scratch } from '../helpers.js';

/** Lines the batch rejects, each for a reason of its own, and a few oddities it accepts. */
export const HOSTILE_LINES: (string | Buffer)[] = [
  'not json',
  '[1, 2]',
  '"互联网营销师"',
  '{"work": {"occupation": "x", "years": 1}}',
  '{"birthDate": "2023-02-30"}',
  '{"work": [{"occupation": "x", "from": "2023-05-01", "to": "2023-04-30"}]}',
  '{"salary": 10000}',
  '{"work": [{"occupation": "互联网营销师", "years": 1, "relation": "本职业"}]}',
  '{"work": [{"occupation": "x", "years": -1}]}',
  '{"training": [{"occupation": "x", "level": 6}]}',
  Buffer.from([0x7b, 0x22, 0x77, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
  '',
  '   ',
  '{"facts": {"toString": true, "__proto__": 1, "\'; DROP TABLE facts; --": 2}}',
  '{"work": [{"occupation": "\'; DROP TABLE work; --", "from": "2020-01-01", "kind": "见习\'"}], "education": [{"level": "大专", "status": "毕业", "major": "O\'Brien"}]}',
  '{"education": []}\r',
];

/** The profile without one-value relations (allowed only when one occupation is judged). */
export function withoutSingleRelations(p: Profile): Profile {
  const strip = <T extends object>(list: T[] | undefined, key: string): T[] | undefined =>
    list?.map((e) => {
      const v = (e as Record<string, unknown>)[key];
      if (typeof v !== 'string') return e;
      const { [key]: _dropped, ...rest } = e as Record<string, unknown>;
      return rest as T;
    });
  return {
    ...p,
    ...(p.work ? { work: strip(p.work, 'relation') } : {}),
    ...(p.certificates ? { certificates: strip(p.certificates, 'relation') } : {}),
    ...(p.training ? { training: strip(p.training, 'relation') } : {}),
    ...(p.apprenticeships ? { apprenticeships: strip(p.apprenticeships, 'relation') } : {}),
    ...(p.education ? { education: strip(p.education, 'majorRelation') } : {}),
  };
}

/** A JSON lines file of the lines (Buffers as they are). */
export function jsonLines(file: string, lines: readonly (string | Buffer)[]): string {
  writeFileSync(file, Buffer.concat(lines.map((l) => Buffer.concat([typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\n')]))));
  return file;
}

/** The every-construct fixture (two versions), one of them with quotes, `'; DROP` and full-width letters in its names. */
export function hostileRules(): string {
  const dir = scratch('sql-hostile-rules');
  cpSync(join(RULES, 'sources'), join(dir, 'sources'), { recursive: true });
  const fixture = join(ROOT, 'test', 'fixtures', 'every-construct');
  cpSync(join(fixture, 'every-construct@2025.yaml'), join(dir, 'every-construct@2025.yaml'));
  const text = readFileSync(join(fixture, 'every-construct@2024.yaml'), 'utf8')
    .replace('name: 虚构全构造职业', `name: "虚构'; DROP TABLE applicants; --职业"`)
    .replace('aliases: [全构造职业（虚构）]', `aliases: [全构造职业（虚构）, "O'Brien \\"x\\" \\\\ ＤＲＯＰ"]`)
    .replace('occupations: [虚构相关职业]', `occupations: [虚构相关职业, "相关'); DELETE FROM work; --"]`);
  writeFileSync(join(dir, 'every-construct@2024.yaml'), text);
  return dir;
}
