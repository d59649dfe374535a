// The analysis room: `analyzeRules` finds drafting faults in checked rule files (docs/analysis.md).
// Imports the compiler's checked forms and the runtime; imported by the CLI.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { RuleSet } from '../compiler/check-rules.js';
import type { CheckedOccupation } from '../compiler/checked.js';
import { applyAcceptances, readAcceptances, type Acceptance } from './accepted.js';
import { clauseForms, impliedFindings, unsatisfiableFindings } from './clause-findings.js';
import type { Finding } from './finding.js';
import { backwardsFindings, ladderFindings, requirementFindings, unofferedRouteFindings } from './level-findings.js';

export type { Finding, FindingKind, FindingSeverity, Witness } from './finding.js';
export { FINDING_KINDS } from './finding.js';
export { RefusedConstruct } from './normal-form.js';

/** Every finding of one occupation, in a stable order (by line, then kind). */
export function analyzeOccupation(occ: CheckedOccupation): Finding[] {
  const forms = clauseForms(occ);
  const all = [
    ...unsatisfiableFindings(occ, forms),
    ...impliedFindings(occ, forms),
    ...requirementFindings(occ, forms),
    ...ladderFindings(occ, forms),
    ...unofferedRouteFindings(occ, forms),
    ...backwardsFindings(occ, forms),
  ];
  return all.sort((a, b) => a.line - b.line || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

export interface StaleAcceptance extends Acceptance {
  file: string;
}

export interface Analysis {
  findings: Finding[];
  /** Acceptances that match no finding. */
  stale: StaleAcceptance[];
  /** Acceptances whose reason cites neither the source sentence nor a note. */
  uncited: StaleAcceptance[];
}

export function analyzeRules(rules: RuleSet, readText: (path: string) => string = (p) => readFileSync(p, 'utf8')): Analysis {
  const findings: Finding[] = [];
  const stale: StaleAcceptance[] = [];
  const uncited: StaleAcceptance[] = [];
  for (const occ of rules.occupations) {
    const mine = analyzeOccupation(occ);
    const acceptances = readAcceptances(readText(join(rules.dir, occ.file)));
    applyAcceptances(mine, acceptances);
    findings.push(...mine);
    stale.push(...acceptances.filter((a) => !a.used).map((a) => ({ ...a, file: occ.file })));
    uncited.push(...acceptances.filter((a) => !a.cites).map((a) => ({ ...a, file: occ.file })));
  }
  return { findings, stale, uncited };
}
