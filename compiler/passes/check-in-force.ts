// The period a rule version is in force (inForce) does not end before it starts.
import type { RuleFileCheck } from './rule-file-check.js';

export function checkInForce(f: RuleFileCheck): void {
  const period = f.data.inForce;
  if (period?.to !== undefined && period.to < period.from) f.report('E_VERSION_PERIOD', ['inForce', 'to'], { from: period.from, to: period.to });
}
