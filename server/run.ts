// The service as a long-running process: listening, reloading on SIGHUP and (with --watch) when a
// file of the rule directory changes, and on SIGTERM / SIGINT finishing the requests in progress
// within a deadline before exiting.
import { watch, type FSWatcher } from 'node:fs';
import { formatMessage } from '../compiler/diagnostics/messages.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import type { Service } from './app.js';

export interface RunOptions {
  port: number;
  host: string;
  watch: boolean;
  /** Milliseconds to finish requests in progress after SIGTERM. */
  shutdownMs: number;
  /** Where the address is announced (stderr). */
  announce: (line: string) => void;
}

/** Quiet time after the last change of a rule file before reloading. */
const DEBOUNCE_MS = 150;

function logDiagnostic(s: Service, d: Diagnostic): void {
  const where = d.file ? `${d.file}${d.range ? `:${d.range.start.line}:${d.range.start.col}` : ''}` : undefined;
  s.app.log.warn({ code: d.code, severity: d.severity, file: where, zh: formatMessage(d, 'zh'), en: formatMessage(d, 'en') }, 'rules diagnostic');
}

/** Reloads the rules, logging the outcome (and each diagnostic of rules that do not check). */
export async function reloadLogged(s: Service, reason: string): Promise<void> {
  try {
    const outcome = await s.reload();
    if (outcome.ok) {
      s.app.log.info({ reason, rulesVersion: outcome.version, previous: outcome.previous }, 'rules reloaded');
      return;
    }
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error').length;
    const kept = { code: 'E_SERVE_RELOAD_FAILED', args: { errors, version: outcome.version } };
    s.app.log.error({ reason, code: kept.code, rulesVersion: outcome.version, zh: formatMessage(kept, 'zh'), en: formatMessage(kept, 'en') }, 'rules reload refused');
    for (const d of outcome.diagnostics) logDiagnostic(s, d);
  } catch (e) {
    s.app.log.error({ reason, err: String(e) }, 'rules reload failed');
  }
}

function watchRules(s: Service, dir: string): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  return watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reloadLogged(s, 'watch'), DEBOUNCE_MS);
  });
}

/** Serves until SIGTERM or SIGINT; resolves with the exit code once closed. */
export async function runService(s: Service, o: RunOptions): Promise<number> {
  // the signals are handled before the address is announced: a client may send one right after
  let watcher: FSWatcher | undefined;
  let stopped: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (stopped = resolve));
  const onHup = (): void => void reloadLogged(s, 'SIGHUP');
  const stop = (signal: string): void => {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    process.off('SIGHUP', onHup);
    watcher?.close();
    s.app.log.info({ signal, inFlight: s.state.inFlight, deadlineMs: o.shutdownMs }, 'shutting down');
    // past the deadline, the connections still open are cut
    const deadline = setTimeout(() => {
      s.app.log.warn({ inFlight: s.state.inFlight }, 'shutdown deadline passed; closing connections');
      s.state.forced = true;
      s.app.server.closeAllConnections();
    }, o.shutdownMs);
    deadline.unref();
    s.close().then(
      () => stopped(0),
      () => stopped(1),
    );
  };
  const onTerm = (): void => stop('SIGTERM');
  const onInt = (): void => stop('SIGINT');
  process.on('SIGHUP', onHup);
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  let address: string;
  try {
    address = await s.app.listen({ port: o.port, host: o.host });
  } catch (e) {
    for (const [signal, f] of [['SIGHUP', onHup], ['SIGTERM', onTerm], ['SIGINT', onInt]] as const) process.off(signal, f);
    throw e;
  }
  if (o.watch) watcher = watchRules(s, s.host.dir);
  o.announce(`zige serve: ${address} (rules ${s.host.rules.version}, ${s.host.dir})`);
  return done;
}
