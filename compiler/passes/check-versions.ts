// Across rule files: several files of one occupation are versions. Each states its period
// (inForce), the periods do not overlap, and no two share a version label.
import { overlappingVersions } from '../../runtime/versions.js';
import type { CheckedOccupation } from '../checked.js';
import type { DiagnosticSink } from '../diagnostics/diagnostics.js';

export function checkVersions(occupations: CheckedOccupation[], sink: DiagnosticSink, display: (f: string) => string): void {
  const byId = new Map<string, CheckedOccupation[]>();
  for (const o of occupations) byId.set(o.id, [...(byId.get(o.id) ?? []), o]);
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const o of list) {
      if (o.inForce === null) sink.report({ code: 'E_VERSION_NO_PERIOD', file: display(o.file), range: o.inForceRange, args: { id } });
    }
    const dated = list.filter((o) => o.inForce !== null);
    for (const [a, b] of overlappingVersions(dated, (o) => o)) {
      sink.report({ code: 'E_VERSION_OVERLAP', file: display(b.file), range: b.inForceRange, args: { id, other: display(a.file), from: a.inForce!.from, to: a.inForce!.to ?? '—' } });
    }
    const labels = new Set<string>();
    for (const o of list) {
      const label = o.version ?? o.inForce?.from ?? '';
      if (labels.has(label)) sink.report({ code: 'E_DUPLICATE_ID', file: display(o.file), range: o.inForceRange, args: { what: '版本', id: `${id}@${label}` } });
      labels.add(label);
    }
  }
}
