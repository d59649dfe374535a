// `zige serve [DIR]`: the decision service (server/), its options read and checked here.
import { resolve } from 'node:path';
import pino from 'pino';
import { bundledRulesDir } from '../compiler/load/package-root.js';
import { createService } from '../server/app.js';
import { DEFAULT_LIMITS, type Limits } from '../server/limits.js';
import { runService } from '../server/run.js';
import type { OutputLang } from '../runtime/words.js';
import { printDiagnostics, type Io } from './output.js';
import { UsageError } from './usage-error.js';

export interface ServeCliOptions {
  dir: string | undefined;
  port: string | undefined;
  host: string | undefined;
  watch: boolean;
  site: string | undefined;
  cors: string | undefined;
  limits: Partial<Record<keyof Limits, string | undefined>>;
  shutdown: string | undefined;
  lang: OutputLang;
}

/** The CLI's option for each limit (`--max-body` for bodyBytes …). */
export const LIMIT_OPTIONS: Readonly<Record<keyof Limits, string>> = {
  bodyBytes: 'max-body',
  batchSize: 'max-batch',
  depth: 'max-depth',
  entries: 'max-entries',
  timeoutMs: 'timeout',
  concurrency: 'max-concurrency',
};

function whole(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${option} 须为 ${min} 到 ${max} 的整数 / --${option} must be a whole number from ${min} to ${max}: ${value}`);
  return n;
}

export async function runServe(o: ServeCliOptions, io: Io): Promise<number> {
  const port = whole(o.port, 'port', 0, 65535) ?? 8080;
  const limits: Partial<Limits> = {};
  for (const [key, option] of Object.entries(LIMIT_OPTIONS) as [keyof Limits, string][]) {
    const n = whole(o.limits[key], option, 1, 2 ** 31);
    if (n !== undefined) limits[key] = n;
  }
  const shutdownMs = whole(o.shutdown, 'shutdown-deadline', 0, 600_000) ?? 10_000;
  const cors = o.cors ? o.cors.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const service = await createService({
    dir: resolve(o.dir ?? bundledRulesDir()),
    limits: { ...DEFAULT_LIMITS, ...limits },
    // asynchronous: lines written while a write is in progress go out together, in one write
    // (a synchronous write per request line cost more than judging the request); flushed on exit
    log: pino.destination({ dest: 1, sync: false }),
    ...(o.site !== undefined ? { site: resolve(o.site) } : {}),
    ...(cors ? { cors } : {}),
  });
  if (!('app' in service)) {
    printDiagnostics(service.diagnostics, io, o.lang);
    return 1;
  }
  const host = o.host ?? '127.0.0.1';
  try {
    return await runService(service, { port, host, watch: o.watch, shutdownMs, announce: io.err });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL' && code !== 'ENOTFOUND') throw e;
    await service.close();
    io.err(`zige: 无法在 ${host}:${port} 监听（${code}）/ cannot listen on ${host}:${port} (${code})`);
    return 1;
  }
}
