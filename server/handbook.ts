// The bodies of GET /v1/occupations and GET /v1/occupations/{id}: the handbook's data of the
// rules version answering.
import { findOccupations } from '../compiler/judge.js';
import { versionInForce } from '../runtime/index.js';
import type { OccupationVersion } from './rules-version.js';

function byId(handbook: readonly OccupationVersion[]): Map<string, OccupationVersion[]> {
  const out = new Map<string, OccupationVersion[]>();
  for (const v of handbook) out.set(v.id, [...(out.get(v.id) ?? []), v]);
  return out;
}

function inForceOn(versions: OccupationVersion[], asOf: string): OccupationVersion | undefined {
  const choice = versionInForce(versions, asOf, (v) => v);
  return choice.ok ? choice.value : undefined;
}

const label = (v: OccupationVersion | undefined): string | null => (v ? (v.version ?? v.inForce?.from ?? v.file) : null);

export function occupationList(rulesVersion: string, handbook: readonly OccupationVersion[], asOf: string) {
  const occupations = [...byId(handbook).values()].map((versions) => ({
    id: versions[0].id,
    name: versions[0].name,
    aliases: versions[0].aliases,
    inForce: label(inForceOn(versions, asOf)),
    versions: versions.map((v) => ({ version: v.version, inForce: v.inForce, file: v.file, levels: v.levels.map((l) => l.level) })),
  }));
  return { rulesVersion, asOf, occupations };
}

/** One occupation by id, name or alias; undefined when none has it. */
export function occupationDetail(rulesVersion: string, handbook: readonly OccupationVersion[], query: string, asOf: string) {
  const found = findOccupations([...handbook], query);
  if (found.length === 0) return undefined;
  const versions = handbook.filter((v) => v.id === found[0].id);
  return { rulesVersion, asOf, id: versions[0].id, name: versions[0].name, inForce: label(inForceOn(versions, asOf)), versions };
}
