// A declared fact given with the other type (a number for a yes/no fact, a boolean for a numeric
// one) is an error of the profile, said by the commands that read profiles (eval, eval --batch,
// check of a rule file's test profiles) before evaluating. The runtime alone reads such a value
// as no answer (unknown), as the differential oracle does.
import type { OccupationMeta, Profile } from '../../runtime/index.js';
import { normalizeName } from '../../runtime/index.js';
import { NONE_VALUES } from '../../runtime/words.js';
import type { Diagnostic } from '../diagnostics/diagnostics.js';

/** The Chinese word of a JSON value type, for messages that name one. */
const TYPE_ZH: Readonly<Record<string, string>> = { boolean: '是非值（true/false）', number: '数值', string: '文字' };

/** The args of E_PROFILE_FACT_TYPE: the value types in both languages. */
export function withTypeWords(args: Record<string, string>): Record<string, string> {
  const out = { ...args };
  for (const key of ['expected', 'actual']) if (out[key] !== undefined) out[`${key}Zh`] = TYPE_ZH[out[key]] ?? out[key];
  return out;
}

/** Whether a profile value fits a fact's declared type: a numeric fact may also be 无/none. */
export function fitsFactType(type: 'boolean' | 'number', value: unknown): boolean {
  return typeof value === type || (type === 'number' && typeof value === 'string' && (NONE_VALUES as readonly string[]).includes(value));
}

/** E_PROFILE_FACT_TYPE for each fact of `profile` whose value is not of its declared type. */
export function factTypeProblems(profile: Profile, meta: Pick<OccupationMeta, 'factNames' | 'factTypes'>): Omit<Diagnostic, 'severity'>[] {
  const out: Omit<Diagnostic, 'severity'>[] = [];
  for (const [key, value] of Object.entries(profile.facts ?? {})) {
    const normalized = normalizeName(key);
    const name = Object.hasOwn(meta.factNames, normalized) ? meta.factNames[normalized] : undefined;
    const type = name === undefined ? undefined : meta.factTypes?.[name];
    if (name === undefined || type === undefined || fitsFactType(type, value)) continue;
    const path = `/facts/${key}`;
    out.push({ code: 'E_PROFILE_FACT_TYPE', path, args: withTypeWords({ path, name, expected: type, actual: typeof value }) });
  }
  return out;
}
