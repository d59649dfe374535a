// What the site's pages know about the rules, as data: written by `zige site` into classic scripts
// (data-index.js, one script per occupation version, playground-data.js) and read by the browser
// code in web/browser/. Types only.
import type { Level } from '../runtime/words.js';

export interface Named {
  name: string;
  en: string;
}

export interface SiteOccupation {
  /** `<id>@<version>`: what its script registers under. */
  key: string;
  id: string;
  name: string;
  aliases: string[];
  version: string | null;
  inForce: { from: string; to: string | null } | null;
  levels: Level[];
  workTypes: { name: string; levels: Level[] }[];
  /** The classic script that registers its compiled evaluator. */
  script: string;
}

export interface SiteIndex {
  generator: string;
  /** The rules version (compiler/rules-version.ts), as in `zige eval --json`. */
  rulesVersion: string;
  /** The occupation selected when a page opens: the largest one. */
  defaultOccupation: string;
  occupations: SiteOccupation[];
  education: Named[];
  tracks: Named[];
  targets: Named[];
  workKinds: Named[];
  facts: { name: string; en: string; type: 'boolean' | 'number'; units: string[] }[];
}

export interface PlaygroundData {
  vocabulary: string;
  files: { file: string; text: string }[];
  /** Source documents by path relative to the rules directory. */
  sources: Record<string, string>;
}

/** What a registered occupation script pushes onto `self.zigeOccupations`. */
export interface RegisteredOccupation {
  key: string;
  /** The generated module's body as a function of the runtime. */
  make: (runtime: unknown) => { occupation: unknown };
}
