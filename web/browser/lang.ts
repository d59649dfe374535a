// The language switch every page has: Chinese by default, English on request, remembered on this
// device. Each text of the page chrome carries both languages in data attributes and shows one;
// code that writes text in one language re-renders when the language changes.
import type { MessageLang } from '../../runtime/words.js';

const KEY = 'zige-lang';
const listeners: ((lang: MessageLang) => void)[] = [];

export function currentLang(): MessageLang {
  return document.documentElement.lang === 'en' ? 'en' : 'zh';
}

function apply(lang: MessageLang): void {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  const title = document.querySelector('title');
  const text = title?.getAttribute(`data-${lang}`);
  if (text) document.title = text;
  for (const el of document.querySelectorAll<HTMLElement>('.t')) el.textContent = el.dataset[lang] ?? el.textContent;
  for (const listener of listeners) listener(lang);
}

/** Calls `listener` on every change of language. */
export function onLangChange(listener: (lang: MessageLang) => void): void {
  listeners.push(listener);
}

/** Wires the switch button and applies the remembered language (storage may be refused: then Chinese). */
export function initLang(): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    saved = null;
  }
  if (saved === 'en') apply('en');
  document.getElementById('lang-switch')?.addEventListener('click', () => {
    const next: MessageLang = currentLang() === 'zh' ? 'en' : 'zh';
    try {
      localStorage.setItem(KEY, next);
    } catch {
      /* private mode: the choice lasts for this page */
    }
    apply(next);
  });
}
