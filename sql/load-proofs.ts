// Proof statuses (告知承诺制) in the SQL-only load (load-sql.ts): a fact not found or revoked is
// absent, as runtime/facts.ts and the JavaScript loader (load.ts) leave it out. Run after the
// INSERTs: rows whose entry (or category, or fact) carries such a status are deleted, and a birth
// date so marked is cleared. Indices stay the profile's, as the runtime keeps them for paths.
import { literal, literalList, type Dialect } from './dialect.js';

/** The statuses that make a fact absent (runtime/proof.ts isVoid). */
const VOID = literalList(['not-found', 'revoked']);

const ENTRY_TABLES = ['work', 'certificates', 'training', 'apprenticeships', 'education'] as const;

/** `doc`'s value at a list entry's `proof`, or at a key of `proofs` (a text; `name` a SQL text expression). */
function paths(dialect: Dialect): { entry: (list: string, idx: string) => string; proofs: (section: string, name: string) => string } {
  if (dialect === 'postgres') {
    return { entry: (list, idx) => `p.doc->${list}->${idx}->>'proof'`, proofs: (section, name) => `p.doc->'proofs'->${literal(section)}->>${name}` };
  }
  return {
    entry: (list, idx) => `json_extract_string(p.doc, '$.' || ${list} || '[' || ${idx} || '].proof')`,
    proofs: (section, name) => `json_extract_string(p.doc, ${literal(`$.proofs.${section}."`)} || ${name} || '"')`,
  };
}

/** The statements that remove the facts not found or revoked from the loaded tables. */
export function voidProofStatements(dialect: Dialect): string[] {
  const at = paths(dialect);
  const where = (table: string, test: string): string =>
    `DELETE FROM ${table} WHERE EXISTS (SELECT 1 FROM profiles_raw p WHERE p.applicant_id = ${table}.applicant_id AND ${test} IN ${VOID});`;
  const out = ENTRY_TABLES.map((t) => where(t, at.entry(literal(t), `${t}.idx`)));
  out.push(where('relations', at.entry('relations.list', 'relations.idx')));
  out.push(where('categories', at.proofs('categories', 'categories.name')));
  out.push(where('facts', at.proofs('facts', 'facts.name')));
  const birth = dialect === 'postgres' ? `p.doc->'proofs'->>'birthDate'` : `json_extract_string(p.doc, '$.proofs.birthDate')`;
  out.push(`UPDATE applicants SET birth_date = NULL WHERE EXISTS (SELECT 1 FROM profiles_raw p WHERE p.applicant_id = applicants.applicant_id AND ${birth} IN ${VOID});`);
  return out;
}
