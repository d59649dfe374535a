// `zige check --watch`: checks, then checks again whenever a rule file, the vocabulary or a source
// document of the directory is saved, until interrupted (Ctrl-C). Changes are debounced (an editor
// save is often several file-system events); the screen is cleared before each report only when
// stdout is a terminal.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { bundledRulesDir } from '../compiler/load/package-root.js';
import { checkOutcome } from './collect.js';
import { display, printCheck, type Io, type OutputOptions } from './output.js';

/** Quiet time after the last change before checking again. */
export const DEBOUNCE_MS = 150;

const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}

export interface WatchControl {
  /** Stops watching (tests); SIGINT and SIGTERM stop it too. */
  signal?: AbortSignal;
}

export function runCheckWatch(opts: { dir?: string } & OutputOptions, io: Io, control: WatchControl = {}): Promise<number> {
  const dir = opts.dir ?? bundledRulesDir();
  const check = (): void => {
    if (io.isTTY) io.out(CLEAR);
    io.err(`[${time()}] zige check ${display(dir)}`);
    try {
      printCheck(checkOutcome(dir), io, opts);
    } catch (e) {
      io.err(`zige: 内部错误 internal error: ${(e as Error).message}`);
    }
    io.err(`[${time()}] 监视中，保存文件即重新检查；Ctrl-C 退出 / watching for changes (Ctrl-C to stop)`);
  };

  return new Promise((resolve) => {
    const watchers: FSWatcher[] = [];
    let timer: NodeJS.Timeout | undefined;
    const schedule = (filename: string | null): void => {
      if (filename !== null && !/\.(ya?ml|txt|md)$/.test(filename) && filename !== 'sources') return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        check();
      }, DEBOUNCE_MS);
    };
    let code = 0;
    const stop = (): void => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      control.signal?.removeEventListener('abort', stop);
      resolve(code);
    };
    for (const d of [dir, join(dir, 'sources')]) {
      if (!existsSync(d)) continue;
      try {
        watchers.push(watch(d, (_event, filename) => schedule(filename === null ? null : String(filename))));
      } catch (e) {
        io.err(`zige: 无法监视 cannot watch ${display(d)}: ${(e as Error).message}`);
      }
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    control.signal?.addEventListener('abort', stop);
    check();
    if (watchers.length === 0) {
      code = 1; // nothing to watch: the directory is missing
      stop();
    }
  });
}
