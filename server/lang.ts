// The language of problem messages: the request's `lang`, else Accept-Language, else both.
import type { ProblemLang } from './problems.js';

export const LANGS = ['zh', 'en', 'both'] as const;

/** The first of zh / en that Accept-Language prefers (by q value, then order), if any. */
export function acceptedLang(header: string | undefined): ProblemLang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const t of ranked) {
    if (t.tag === 'zh' || t.tag.startsWith('zh-')) return 'zh';
    if (t.tag === 'en' || t.tag.startsWith('en-')) return 'en';
  }
  return undefined;
}

export function requestLang(field: unknown, header: string | undefined): ProblemLang {
  if (field === 'zh' || field === 'en' || field === 'both') return field;
  return acceptedLang(header) ?? 'both';
}
