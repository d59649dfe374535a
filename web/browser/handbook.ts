// The handbook pages' script: the language switch, the search of the index (name, alias or id,
// ignoring case and spaces), the version in force today marked, and the print button.
import { todayInShanghai } from '../../runtime/dates.js';
import { UI } from '../ui-text.js';
import { bi } from './dom.js';
import { initLang } from './lang.js';

const fold = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function wireSearch(): void {
  const input = document.getElementById('search') as HTMLInputElement | null;
  if (!input) return;
  const items = [...document.querySelectorAll<HTMLLIElement>('#occupations > li')];
  input.addEventListener('input', () => {
    const q = fold(input.value);
    let shown = 0;
    for (const li of items) {
      li.hidden = q !== '' && !fold(li.dataset.search ?? '').includes(q);
      if (!li.hidden) shown++;
    }
    (document.getElementById('no-match') as HTMLElement).hidden = shown > 0;
  });
}

function markInForce(): void {
  const today = todayInShanghai();
  for (const row of document.querySelectorAll<HTMLTableRowElement>('tr.version-row')) {
    const { from = '', to = '' } = row.dataset;
    if ((from === '' || from <= today) && (to === '' || today <= to)) row.querySelector('.now')!.append(bi(UI.inForceNow));
  }
}

initLang();
wireSearch();
markInForce();
document.getElementById('print')?.addEventListener('click', () => window.print());
