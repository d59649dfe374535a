// Building DOM nodes: text is always set as text (never parsed as HTML).
import type { Bi } from '../ui-text.js';
import { currentLang } from './lang.js';

type Child = Node | string | null | undefined | false;

/** An element with attributes (`true` sets an empty one, `false`/undefined none) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, '');
    else if (typeof v === 'string') el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A text in the page's language, rewritten by the language switch (as web/html.ts `bi`). */
export function bi(text: Bi): HTMLSpanElement {
  return h('span', { class: 't', 'data-zh': text.zh, 'data-en': text.en }, text[currentLang()]);
}

/** Saves a text as a file on the user's device. */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
