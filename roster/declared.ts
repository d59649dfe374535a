// The condition an applicant declares (申报条件), matched to a clause of the occupation: by its
// id (`4/2`, or the full `internet-marketer/4/2`), by `四级第2条` (also as the template's
// drop-down writes it, `四级第2条：…`), by `（2）` / `第2条` within the level applied for, or by its
// source sentence, brackets （）() and spaces ignored. No match is undefined: an error for the
// cell, never "does not hold".
import type { ClauseMeta } from '../runtime/meta.js';
import { LEVEL_NAMES, LEVELS, type Level } from '../runtime/words.js';

/** The clause's short id: `4/2`. */
export function shortId(c: Pick<ClauseMeta, 'id'>): string {
  return c.id.split('/').slice(-2).join('/');
}

/** The clause as the template's drop-down offers it: `四级第2条：<source sentence>`. */
export function declaredLabel(c: Pick<ClauseMeta, 'id' | 'level' | 'text'>): string {
  return `${LEVEL_NAMES[c.level].zh}第${c.id.split('/').pop() ?? ''}条：${c.text}`;
}

function sentenceKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s()（）]/g, '');
}

function byNumber(clauses: readonly ClauseMeta[], level: Level | undefined, n: string): ClauseMeta | undefined {
  if (level === undefined) return undefined;
  return clauses.find((c) => c.level === level && c.id.split('/').pop()?.toLowerCase() === n.toLowerCase());
}

const LEVEL_WORD = new Map<string, Level>(LEVELS.map((l) => [LEVEL_NAMES[l].zh, l]));

/** The clause an applicant declares among `clauses`, given the level applied for. */
export function matchDeclared(text: string, clauses: readonly ClauseMeta[], level: Level | undefined): ClauseMeta | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  const full = clauses.find((c) => c.id === t);
  if (full) return full;
  const id = /^([1-5])\/([0-9a-z]+)$/i.exec(t);
  if (id) return byNumber(clauses, Number(id[1]) as Level, id[2]);
  const worded = /^([一二三四五]级)(?:\/[^第]*)?第([0-9a-z]+)条/i.exec(t);
  if (worded) return byNumber(clauses, LEVEL_WORD.get(worded[1]), worded[2]);
  const numbered = /^(?:\(([0-9a-z]+)\)|第([0-9a-z]+)条|([0-9a-z]+)(?:[:.、]|$))/i.exec(t.replace(/\s+/g, ''));
  if (numbered) {
    const found = byNumber(clauses, level, numbered[1] ?? numbered[2] ?? numbered[3]);
    if (found) return found;
  }
  const key = sentenceKey(t);
  const same = (c: ClauseMeta): boolean => sentenceKey(c.text) === key;
  return clauses.find((c) => c.level === level && same(c)) ?? clauses.find(same);
}
