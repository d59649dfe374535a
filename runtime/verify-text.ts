// The readable label of a declared fact in a `verify` list, in both languages: what a clerk looks
// up (the certificate, the work period, the declared value), not the JSON Pointer alone.
import type { DeclaredFact } from './proof.js';
import type { Text } from './explanation.js';
import { LEVEL_NAMES, type Level } from './words.js';

type Entry = Record<string, unknown>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
/** ` (x)` / `（x）` when x is given. */
const paren = (x: string, lang: 'zh' | 'en'): string => (x === '' ? '' : lang === 'zh' ? `（${x}）` : ` (${x})`);
const levelZh = (v: unknown): string => (typeof v === 'number' && v in LEVEL_NAMES ? LEVEL_NAMES[v as Level].zh : '');
const levelEn = (v: unknown): string => (typeof v === 'number' && v in LEVEL_NAMES ? `level ${v}` : '');
const join = (...parts: string[]): string => parts.filter((x) => x !== '').join(' ');

function workSpan(e: Entry, lang: 'zh' | 'en'): string {
  if (e.from === undefined) return e.years === undefined ? '' : lang === 'zh' ? `${str(e.years)}年` : `${str(e.years)} years`;
  const to = e.to === undefined ? (lang === 'zh' ? '至今' : 'ongoing') : str(e.to);
  return lang === 'zh' ? `${str(e.from)}至${to}` : `${str(e.from)} to ${to}`;
}

/** Label of a list entry (education, certificate, work, training, apprenticeship). */
function entryLabel(field: string, e: Entry): Text {
  switch (field) {
    case 'education':
      return { zh: `学历：${join(str(e.level), str(e.major), str(e.status))}${paren(str(e.date), 'zh')}`, en: `education: ${join(str(e.level), str(e.major), str(e.status))}${paren(str(e.date), 'en')}` };
    case 'certificates':
      return { zh: `证书：${join(str(e.occupation), levelZh(e.level), str(e.kind))}${paren(str(e.date), 'zh')}`, en: `certificate: ${join(str(e.occupation), levelEn(e.level), str(e.kind))}${paren(str(e.date), 'en')}` };
    case 'work':
      return { zh: `工作经历：${join(str(e.occupation), str(e.kind), workSpan(e, 'zh'))}`, en: `work: ${join(str(e.occupation), str(e.kind), workSpan(e, 'en'))}` };
    case 'events':
      return { zh: `事件记录：${join(str(e.kind), str(e.occupation), levelZh(e.level), str(e.tier), e.rank === undefined ? '' : `第${str(e.rank)}名`)}${paren(str(e.date), 'zh')}`, en: `event: ${join(str(e.kind), str(e.occupation), levelEn(e.level), str(e.tier), e.rank === undefined ? '' : `rank ${str(e.rank)}`)}${paren(str(e.date), 'en')}` };
    case 'insurance':
      return { zh: `参保记录：${join(str(e.scheme), e.months === undefined ? workSpan(e, 'zh') : `${str(e.months)}个月`)}`, en: `insurance: ${join(str(e.scheme), e.months === undefined ? workSpan(e, 'en') : `${str(e.months)} months`)}` };
    case 'training':
      return { zh: `培训：${join(str(e.occupation), levelZh(e.level))}${paren(str(e.date), 'zh')}`, en: `training: ${join(str(e.occupation), levelEn(e.level))}${paren(str(e.date), 'en')}` };
    default:
      return { zh: `学徒：${str(e.occupation)}${paren(e.completed === undefined ? '' : `${str(e.completed)}期满`, 'zh')}`, en: `apprenticeship: ${str(e.occupation)}${paren(e.completed === undefined ? '' : `completed ${str(e.completed)}`, 'en')}` };
  }
}

/** The profile's lists of entries (the other declared facts are scalars, categories or declared facts). */
const ENTRY_LISTS: ReadonlySet<string> = new Set(['education', 'certificates', 'work', 'training', 'apprenticeships', 'events', 'insurance']);

const SCALAR_NAMES: Readonly<Record<string, Text>> = {
  birthDate: { zh: '出生日期', en: 'birth date' },
  sex: { zh: '性别', en: 'sex' },
  idNumber: { zh: '身份证号', en: 'identity number' },
};

/** The label of a declared fact: the entry for a list's, `name：value` for the others (an identity number is not repeated). */
export function declaredLabel(d: DeclaredFact): Text {
  const e = d.entry as Entry;
  if (ENTRY_LISTS.has(d.field)) return entryLabel(d.field, e);
  if (d.field === 'categories') return { zh: `人员类别：${str(e.name)}`, en: `category: ${str(e.name)}` };
  if (d.field === 'facts') return { zh: `${str(e.name)}：${str(e.value)}`, en: `${str(e.name)}: ${str(e.value)}` };
  const name = SCALAR_NAMES[d.field];
  if (d.field === 'idNumber') return name;
  return { zh: `${name.zh}：${str(e.value)}`, en: `${name.en}: ${str(e.value)}` };
}
