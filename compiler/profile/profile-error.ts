// A profile the runtime refused while evaluating (ProfileError) as a diagnostic: its own code
// when the runtime names one (a fact of the wrong type), otherwise E_PROFILE_SCHEMA with the detail.
import type { ProfileError } from '../../runtime/index.js';
import type { Diagnostic } from '../diagnostics/diagnostics.js';
import { diagnosticCode } from '../diagnostics/messages.js';

/** The Chinese word of a JSON value type, for messages that name one. */
const TYPE_ZH: Readonly<Record<string, string>> = { boolean: '是非值（true/false）', number: '数值', string: '文字' };

/** The args of E_PROFILE_FACT_TYPE: the value types in both languages. */
export function withTypeWords(args: Record<string, string>): Record<string, string> {
  const out = { ...args };
  for (const key of ['expected', 'actual']) if (out[key] !== undefined) out[`${key}Zh`] = TYPE_ZH[out[key]] ?? out[key];
  return out;
}

export function profileErrorDiagnostic(e: ProfileError): Omit<Diagnostic, 'severity'> {
  if (!e.diagnostic) return { code: 'E_PROFILE_SCHEMA', path: e.path, args: { path: e.path, detail: e.message } };
  return { code: diagnosticCode(e.diagnostic.code), path: e.path, args: withTypeWords(e.diagnostic.args) };
}
