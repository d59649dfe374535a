// An applicant's profile (docs/profile.md) from the main sheet's row and the detail sheets' rows
// with the same key. Only what the cells say goes in: an empty education is unknown, a year count
// without dates is undated years (`work[].years`), an identity number gives the birth date when
// no birth date is given. What cannot be read is a problem at its cell, never a guess.
import type { CertificateEntry, EducationEntry, Level, Profile, Proof, TrainingEntry, WorkEntry } from '../runtime/index.js';
import { PROOF_VALUES } from './fields.js';
import type { FieldValue, Problem, ReadRow } from './read-fields.js';

/** The entries the detail sheets gave one key. */
export interface Details {
  /** Where each entry came from (a cell reference), by list and index, for messages about an entry. */
  refs: Refs;
  education: EducationEntry[];
  /** A detail row said 文盲或半文盲 (no school at all): education known to be none. */
  noEducation: boolean;
  certificates: CertificateEntry[];
  work: WorkEntry[];
  training: TrainingEntry[];
  problems: Problem[];
}

export type Refs = Record<'education' | 'certificates' | 'work' | 'training', string[]>;

/**
 * One empty list shared by every key until it gets an entry (frozen: a push into it throws): most
 * keys use one or two of the nine lists, and 100,000 keys are held in memory at once.
 */
const NONE = Object.freeze([]) as unknown as never[];

export function emptyDetails(): Details {
  return { refs: { education: NONE, certificates: NONE, work: NONE, training: NONE }, education: NONE, noEducation: false, certificates: NONE, work: NONE, training: NONE, problems: NONE };
}

type Lists = Pick<Details, 'education' | 'certificates' | 'work' | 'training' | 'problems'>;

/** Appends to one of `d`'s lists, giving it its own array the first time. */
function add<K extends keyof Lists>(d: Lists, list: K, ...items: Lists[K]): void {
  if (items.length === 0) return;
  if (d[list] === NONE) d[list] = [...items] as Lists[K];
  else (d[list] as unknown[]).push(...items);
}

function addRef(refs: Refs, list: keyof Refs, ref: string): void {
  if (refs[list] === NONE) refs[list] = [ref];
  else refs[list].push(ref);
}

type Values = Record<string, FieldValue>;

const str = (v: FieldValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: FieldValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const bool = (v: FieldValue | undefined): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** Keys of `o` whose value is undefined, left out (the profile schema has no nulls). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A detail sheet's row added to its key's entries; `required` reports a missing field at its cell. */
export function addDetail(d: Details, sheet: 'education' | 'certificates' | 'work' | 'training', row: ReadRow, ref: string, required: (field: string) => Problem): void {
  const v = row.values;
  add(d, 'problems', ...row.problems);
  // a row with a cell that could not be read gives no entry (its applicant is 待核实 anyway)
  if (row.problems.length > 0) return;
  const count = d[sheet].length;
  addEntry(d, sheet, v, required);
  if (d[sheet].length > count) addRef(d.refs, sheet, ref);
}

function addEntry(d: Details, sheet: 'education' | 'certificates' | 'work' | 'training', v: Values, required: (field: string) => Problem): void {
  switch (sheet) {
    case 'education':
      if (v.level === null) d.noEducation = true;
      else if (str(v.level)) add(d, 'education', educationEntry(v.level as EducationEntry['level'], v));
      return;
    case 'certificates': {
      const c = certificateEntry(v);
      if (typeof c === 'string') add(d, 'problems', required(c));
      else if (c) add(d, 'certificates', c);
      return;
    }
    case 'work': {
      const w = workEntry(v);
      if (typeof w === 'string') add(d, 'problems', required(w));
      else add(d, 'work', w);
      return;
    }
    case 'training': {
      const occupation = str(v.occupation);
      if (!occupation) return void add(d, 'problems', required('occupation'));
      if (typeof v.level !== 'number') return void add(d, 'problems', required('level'));
      add(d, 'training', defined({ occupation, level: v.level as Level, date: str(v.date), certificate: bool(v.certificate), examPassed: bool(v.examPassed), relation: str(v.relation) as TrainingEntry['relation'], proof: proofOf(v.proof) }));
      return;
    }
    default: {
      const never: never = sheet;
      return never;
    }
  }
}

/** The proof status of a cell (告知承诺制); undefined when empty. */
function proofOf(cell: Values[string]): Proof | undefined {
  const text = str(cell);
  return text !== undefined && Object.hasOwn(PROOF_VALUES, text) ? PROOF_VALUES[text as keyof typeof PROOF_VALUES] : undefined;
}

function educationEntry(level: EducationEntry['level'], v: Values): EducationEntry {
  const status = (str(v.status ?? v.educationStatus) ?? '毕业') as EducationEntry['status'];
  return defined({
    level,
    track: str(v.track) as EducationEntry['track'],
    assessedTarget: str(v.assessedTarget) as EducationEntry['assessedTarget'],
    major: str(v.major),
    majorRelation: str(v.majorRelation) as EducationEntry['majorRelation'],
    status,
    date: str(v.date ?? v.graduationDate),
    proof: proofOf(v.proof ?? v.educationProof),
  });
}

/** A certificate entry; the name of the missing field when the row names a level but no occupation; undefined for an empty row. */
function certificateEntry(v: Values): CertificateEntry | 'occupation' | 'level' | undefined {
  const occupation = str(v.occupation);
  if (!occupation && v.level === undefined && !str(v.kind)) return undefined;
  if (!occupation) return 'occupation';
  const kind = (str(v.kind) ?? '技能等级证书') as CertificateEntry['kind'];
  if (kind !== '预备技师证书' && typeof v.level !== 'number') return 'level';
  return defined({ occupation, level: kind === '预备技师证书' ? undefined : (v.level as Level), kind, date: str(v.date), relation: str(v.relation) as CertificateEntry['relation'], proof: proofOf(v.proof) });
}

/** A work entry: dated (from, to) or undated (years); the missing field's name when it is neither. */
function workEntry(v: Values): WorkEntry | string {
  const occupation = str(v.occupation) ?? str(v.employer) ?? '未填写';
  const relation = str(v.relation) as WorkEntry['relation'];
  if (str(v.from)) return defined({ occupation, from: str(v.from), to: str(v.to), relation, proof: proofOf(v.proof) });
  if (num(v.years) !== undefined) return defined({ occupation, years: num(v.years), relation, proof: proofOf(v.proof) });
  return 'from';
}

/** The main row's own education, certificate and year count (the provincial systems' single columns). */
export function mainRowEntries(v: Values, occupation: string, required: (field: string) => Problem, ref: (field: string) => string): Details {
  const d = emptyDetails();
  if (v.education === null) d.noEducation = true;
  else if (str(v.education)) {
    add(d, 'education', educationEntry(v.education as EducationEntry['level'], v));
    addRef(d.refs, 'education', ref('education'));
  }
  const c = certificateEntry({ occupation: v.certOccupation, level: v.certLevel, kind: v.certKind, date: v.certDate, relation: v.certRelation, proof: v.certProof });
  if (typeof c === 'string') add(d, 'problems', required(c === 'occupation' ? 'certOccupation' : 'certLevel'));
  else if (c) {
    add(d, 'certificates', c);
    addRef(d.refs, 'certificates', ref('certLevel'));
  }
  const years = num(v.years);
  if (years !== undefined) {
    add(d, 'work', { occupation, years, relation: '本职业' });
    addRef(d.refs, 'work', ref('years'));
  }
  return d;
}

/** The profile of one applicant: the main row's entries and the detail sheets' together, and where each entry came from. */
export function buildProfile(main: Details, details: Details | undefined, birthDate: string | undefined): { profile: Profile; refs: Refs } {
  const all = details ? [main, details] : [main];
  const education = all.flatMap((d) => d.education);
  const known = education.length > 0 || all.some((d) => d.noEducation);
  const refs: Refs = { education: all.flatMap((d) => d.refs.education), certificates: all.flatMap((d) => d.refs.certificates), work: all.flatMap((d) => d.refs.work), training: all.flatMap((d) => d.refs.training) };
  const profile = defined({
    birthDate,
    education: known ? education : undefined,
    certificates: nonEmpty(all.flatMap((d) => d.certificates)),
    work: nonEmpty(all.flatMap((d) => d.work)),
    training: nonEmpty(all.flatMap((d) => d.training)),
  });
  return { profile, refs };
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}
