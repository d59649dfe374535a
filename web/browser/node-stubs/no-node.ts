// The Node built-ins the checker imports, in the playground's browser bundle (scripts/build-site.mjs
// maps every `node:` import but node:path here). The playground checks text it holds in memory
// (compiler/check-text.ts), so the file system is never reached: a call that would read a file
// fails as a missing file does, and is reported by the checker as such.
import * as jsonc from 'jsonc-parser';

const missing = (name: string) => (): never => {
  const e = new Error(`${name}: no file system in the browser`) as Error & { code: string };
  e.code = 'ENOENT';
  throw e;
};

export const existsSync = (): boolean => false;
export const readFileSync = missing('readFileSync');
export const readdirSync = missing('readdirSync');
export const realpathSync = missing('realpathSync');
export const statSync = missing('statSync');
export const lstatSync = missing('lstatSync');
export const fstatSync = missing('fstatSync');
export const openSync = missing('openSync');
export const readSync = missing('readSync');
export const closeSync = missing('closeSync');
export const mkdirSync = missing('mkdirSync');
export const renameSync = missing('renameSync');
export const rmSync = missing('rmSync');
export const writeFileSync = missing('writeFileSync');
/** `require` of the CommonJS packages the checker loads lazily: jsonc-parser (duplicate keys in JSON profiles). */
export const createRequire = () => (id: string): unknown => {
  if (id === 'jsonc-parser') return jsonc;
  return missing(`require(${id})`)();
};
export const createHash = missing('createHash');
export const fileURLToPath = (u: string | URL): string => new URL(u).pathname;
export const styleText = (_format: unknown, text: string): string => text;

/** Whether bytes are UTF-8 (node:buffer's isUtf8), by the browser's strict decoder. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
