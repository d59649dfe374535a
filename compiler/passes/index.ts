// The check stage's passes, in the order they run (compiler/check-rules.ts runs them). A rule
// file's passes share one RuleFileCheck; a pass that finds a problem reports it and the others
// still run, so one run shows every problem. The checked occupation is built only when the file's
// passes reported no error. To add a check: a file here named by what it checks, a line below,
// and a test file test/passes/<name>.test.ts.
import type { CheckedOccupation } from '../checked.js';
import type { DiagnosticSink } from '../diagnostics/diagnostics.js';
import { checkConditions } from './check-conditions.js';
import { checkEducation } from './check-education.js';
import { checkInForce } from './check-in-force.js';
import { checkPreconditions } from './check-preconditions.js';
import { checkOffered } from './check-offered.js';
import { checkSourceMap } from './check-source-map.js';
import { checkTests } from './check-tests.js';
import { checkLevelsHaveConditions } from './check-levels-have-conditions.js';
import { checkSourceSection } from './check-source-section.js';
import { checkVersions } from './check-versions.js';
import { checkWorkTypes } from './check-work-types.js';
import type { RuleFileCheck } from './rule-file-check.js';
import { readSourceDocument } from './read-source-document.js';

export type RuleFilePass = (f: RuleFileCheck) => void;
export type RuleSetPass = (occupations: CheckedOccupation[], sink: DiagnosticSink, display: (f: string) => string) => void;

/** Over each rule file, after it loaded (YAML and schema) without errors. */
export const RULE_FILE_PASSES: readonly { name: string; run: RuleFilePass }[] = [
  { name: 'read-source-document', run: readSourceDocument },
  { name: 'check-source-section', run: checkSourceSection },
  { name: 'check-education', run: checkEducation },
  { name: 'check-work-types', run: checkWorkTypes },
  { name: 'check-conditions', run: checkConditions },
  { name: 'check-preconditions', run: checkPreconditions },
  { name: 'check-offered', run: checkOffered },
  { name: 'check-source-map', run: checkSourceMap },
  { name: 'check-levels-have-conditions', run: checkLevelsHaveConditions },
  { name: 'check-tests', run: checkTests },
  { name: 'check-in-force', run: checkInForce },
];

/** Over the checked occupations of a directory, together. */
export const RULE_SET_PASSES: readonly { name: string; run: RuleSetPass }[] = [{ name: 'check-versions', run: checkVersions }];
