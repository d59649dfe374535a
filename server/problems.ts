// Errors as RFC 9457 problem details (application/problem+json): a `type` URI per kind of
// problem, zige's diagnostic codes, each message in Chinese and English from the one message
// table (compiler/diagnostics/messages.ts), and field paths as JSON Pointers.
import { formatMessage, type DiagnosticCode } from '../compiler/diagnostics/messages.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json; charset=utf-8';
export const PROBLEM_BASE = 'urn:zige:problem:';

/** Every kind of problem the service answers with, and its status (docs/serve.md lists them). */
export const PROBLEMS = {
  'not-found': 404,
  'unsupported-media-type': 415,
  'malformed-json': 400,
  'body-too-large': 413,
  'too-deep': 400,
  'invalid-request': 400,
  'batch-too-large': 413,
  'too-many-entries': 413,
  'invalid-profile': 422,
  'unknown-occupation': 422,
  'unknown-work-type': 422,
  'level-not-offered': 422,
  'no-version': 422,
  'rule-error': 422,
  timeout: 408,
  busy: 503,
  closing: 503,
  internal: 500,
} as const;

export type ProblemKind = keyof typeof PROBLEMS;
/** The language of `title` and `detail`: one, or both joined (`zh` and `en` are always there). */
export type ProblemLang = 'zh' | 'en' | 'both';

/** One problem of a request: a diagnostic code, its arguments, where (a JSON Pointer). */
export interface Issue {
  code: DiagnosticCode;
  args?: Record<string, string | number>;
  pointer?: string;
}

export interface ProblemIssue {
  code: string;
  pointer?: string;
  zh: string;
  en: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  zh: string;
  en: string;
  errors: ProblemIssue[];
  instance?: string;
  requestId?: string;
}

function say(zhText: string, enText: string, lang: ProblemLang): string {
  return lang === 'zh' ? zhText : lang === 'en' ? enText : `${zhText} / ${enText}`;
}

function issueOf(i: Issue): ProblemIssue {
  const out: ProblemIssue = { code: i.code, zh: formatMessage(i, 'zh'), en: formatMessage(i, 'en') };
  if (i.pointer !== undefined) out.pointer = i.pointer;
  return out;
}

/**
 * The problem document of a kind: the first issue is its code and message (`title`: the message
 * of the code alone, `detail`: with every issue counted); every issue is listed in `errors`.
 */
export function problem(kind: ProblemKind, issues: readonly Issue[], lang: ProblemLang, status: number = PROBLEMS[kind]): Problem {
  const all = issues.map(issueOf);
  const first = all[0];
  const more = all.length > 1 ? say(`（共 ${all.length} 个问题）`, ` (${all.length} problems)`, lang) : '';
  return {
    type: PROBLEM_BASE + kind,
    title: say(first.zh, first.en, lang),
    status,
    detail: say(first.zh, first.en, lang) + more,
    code: first.code,
    zh: first.zh,
    en: first.en,
    errors: all,
  };
}

/** Profile diagnostics as issues, their paths made JSON Pointers into the request (`base`: where the profile is). */
export function profileIssues(items: readonly Diagnostic[], base: string): Issue[] {
  return items
    .filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, args: d.args, pointer: base + (d.path ?? '') }));
}
