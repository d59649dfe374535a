// Long run: every implication and contradiction the analysis claims, over every education
// requirement of the differential harness, 300 random expressions and 3000 random profiles each,
// checked against the reference interpreter. Exits 1 on a counterexample.
import { checkClaims, REQUIREMENTS } from '../analysis-oracle.js';

let failed = false;
for (const [i, requirement] of REQUIREMENTS.entries()) {
  try {
    const r = checkClaims({ requirement, random: 300, profiles: 3000, seed: 1900 + i });
    console.log(`requirement ${requirement ?? '(none)'}: ${r.expressions} clauses, ${r.claims} implications, ${r.impossible} unsatisfiable, ${r.profiles} profiles: no counterexample`);
  } catch (e) {
    failed = true;
    console.error((e as Error).message);
  }
}
process.exit(failed ? 1 : 0);
