// The fields of each kind of profile entry (docs/profile.md), as the self-check form shows them:
// the profile key, its label, the control, and its choices. The form builds each entry from this
// table and reads it back into the profile's shape.
import type { SiteIndex } from '../site-data.js';
import { LEVEL_NAMES, LEVELS } from '../../runtime/words.js';
import { UI, type Bi } from '../ui-text.js';

export interface Choice {
  value: string;
  label: Bi;
}

export type FieldKind = 'text' | 'date' | 'number' | 'select' | 'boolean';

export interface Field {
  key: string;
  label: Bi;
  kind: FieldKind;
  choices?: (index: SiteIndex) => Choice[];
  /** For a number: `level` is an integer 1..5 chosen from a list. */
  integer?: boolean;
  /** Filled with the chosen occupation's name when the entry is added. */
  occupation?: boolean;
  /** Always has a value (no "not given" choice). */
  required?: boolean;
  /** Shown only for these values of the work entry's period. */
  periods?: readonly Period[];
}

export type Period = 'ongoing' | 'ended' | 'undated';
export type ListName = 'education' | 'certificates' | 'work' | 'training' | 'apprenticeships';

const same = (v: string): Choice => ({ value: v, label: { zh: v, en: v } });
const named = (list: { name: string; en: string }[]): Choice[] => list.map((n) => ({ value: n.name, label: { zh: n.name, en: `${n.en} (${n.name})` } }));
const levels = (): Choice[] => LEVELS.map((l) => ({ value: String(l), label: { zh: `${LEVEL_NAMES[l].zh}/${LEVEL_NAMES[l].title}`, en: `level ${l} (${LEVEL_NAMES[l].en})` } }));
const relations = (): Choice[] => [
  { value: '本职业', label: { zh: '本职业', en: 'same occupation (本职业)' } },
  { value: '相关职业', label: { zh: '相关职业', en: 'related occupation (相关职业)' } },
  { value: '无关', label: { zh: '无关', en: 'unrelated (无关)' } },
];

const relation: Field = { key: 'relation', label: UI.relation, kind: 'select', choices: relations };
const occupationField: Field = { key: 'occupation', label: UI.occupationName, kind: 'text', occupation: true };
/** 告知承诺制: how the entry is proven (docs/profile.md "Proof status"); not given = verified. */
const proof: Field = { key: 'proof', label: UI.proof, kind: 'select', choices: () => [
  { value: 'declared', label: UI.proofDeclared },
  { value: 'verified', label: UI.proofVerified },
  { value: 'not-found', label: UI.proofNotFound },
  { value: 'revoked', label: UI.proofRevoked },
] };

export const ENTRY_FIELDS: Readonly<Record<ListName, { legend: Bi; fields: readonly Field[] }>> = {
  education: {
    legend: UI.educationEntry,
    fields: [
      { key: 'level', label: UI.level, kind: 'select', required: true, choices: (i) => named(i.education) },
      { key: 'status', label: UI.status, kind: 'select', required: true, choices: () => [
        { value: '毕业', label: { zh: '毕业', en: 'graduated (毕业)' } },
        { value: '应届', label: { zh: '应届', en: 'final year (应届)' } },
        { value: '在读', label: { zh: '在读', en: 'enrolled (在读)' } },
      ] },
      { key: 'date', label: UI.date, kind: 'date' },
      { key: 'track', label: UI.track, kind: 'select', choices: (i) => named(i.tracks) },
      { key: 'assessedTarget', label: UI.assessedTarget, kind: 'select', choices: (i) => named(i.targets) },
      { key: 'major', label: UI.major, kind: 'text' },
      { key: 'majorRelation', label: UI.majorRelation, kind: 'select', choices: () => ['本专业', '相关专业', '无关'].map(same) },
      proof,
    ],
  },
  certificates: {
    legend: UI.certificate,
    fields: [
      occupationField,
      { key: 'kind', label: UI.kind, kind: 'select', required: true, choices: () => ['技能等级证书', '职业资格证书', '预备技师证书'].map(same) },
      { key: 'level', label: UI.certLevel, kind: 'select', integer: true, choices: levels },
      { key: 'date', label: UI.date, kind: 'date' },
      relation,
      proof,
    ],
  },
  work: {
    legend: UI.workEntry,
    fields: [
      occupationField,
      { key: 'period', label: UI.period, kind: 'select', required: true, choices: () => [
        { value: 'ongoing', label: UI.ongoing },
        { value: 'ended', label: UI.ended },
        { value: 'undated', label: UI.undated },
      ] },
      { key: 'from', label: UI.from, kind: 'date', periods: ['ongoing', 'ended'] },
      { key: 'to', label: UI.to, kind: 'date', periods: ['ended'] },
      { key: 'years', label: UI.years, kind: 'number', periods: ['undated'] },
      { key: 'kind', label: UI.workKind, kind: 'select', choices: (i) => named(i.workKinds) },
      relation,
      proof,
    ],
  },
  training: {
    legend: UI.trainingEntry,
    fields: [
      occupationField,
      { key: 'level', label: UI.trainingLevel, kind: 'select', integer: true, required: true, choices: levels },
      { key: 'date', label: UI.date, kind: 'date' },
      { key: 'certificate', label: UI.hasCertificate, kind: 'boolean' },
      { key: 'examPassed', label: UI.examPassed, kind: 'boolean' },
      relation,
      proof,
    ],
  },
  apprenticeships: {
    legend: UI.apprenticeship,
    fields: [occupationField, { key: 'completed', label: UI.completed, kind: 'date' }, relation, proof],
  },
};

/** The choices of a yes/no fact or field. */
export const YES_NO: readonly Choice[] = [
  { value: 'true', label: UI.yes },
  { value: 'false', label: UI.no },
];
