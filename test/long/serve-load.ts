// `npm run test:long`: the decision service under load and faults, as a real process on loopback
// (bounded in count and time; traffic to 127.0.0.1 only):
//   1,000 concurrent connections (client and server in children that raise `ulimit -n`);
//   a batch-size attack on a server under --max-old-space-size=128 (it answers 200/413/503, lives);
//   SIGTERM under load (every accepted request answered 2xx or 503);
//   200 reloads under --max-old-space-size=128 (each a new vm context), RSS stated and bounded;
//   the Python and Java clients of docs/serve.md (fails naming the apt command when one is missing).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');
const PROFILE = join(ROOT, 'examples', 'applicant-no-education.json');
const profile = readFileSync(PROFILE, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'zige-serve-load-'));
let failures = 0;
let passed = 0;

function check(what: string, ok: boolean, detail = ''): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
  if (ok) passed++;
  else failures++;
}

interface Server {
  child: ChildProcess;
  base: string;
  log: () => string;
}

/** `zige serve` in `bash -c 'ulimit -n 4096; exec node …'`: the limit raised or the start fails. */
function serve(nodeArgs: string[], args: string[]): Promise<Server> {
  const cmd = `ulimit -n 4096 || { echo "ulimit -n 4096 refused" >&2; exit 3; }; exec "${process.execPath}" ${nodeArgs.join(' ')} "${BIN}" serve ${args.map((a) => `'${a}'`).join(' ')}`;
  const child = spawn('bash', ['-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((res, rej) => {
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /zige serve: (http:\/\/[\d.:]+)/.exec(err);
      if (m) res({ child, base: m[1], log: () => out });
    });
    child.on('exit', (c) => rej(new Error(`zige serve exited ${c}: ${err}`)));
  });
}

/** A client script run in its own child under a raised `ulimit -n`; prints a JSON outcome tally. */
function client(script: string, { BODY, ...env }: Record<string, string>): Promise<Record<string, number>> {
  // the body goes through a file: an environment variable holds at most 128 KiB
  const bodyFile = join(scratch, `body-${Math.random().toString(36).slice(2)}`);
  writeFileSync(bodyFile, BODY);
  env.BODY_FILE = bodyFile;
  const file = join(scratch, `client-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script);
  const child = spawn('bash', ['-c', `ulimit -n 4096 || exit 3; exec "${process.execPath}" "${file}"`], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((res, rej) => child.on('exit', (c) => (c === 0 ? res(JSON.parse(out) as Record<string, number>) : rej(new Error(`client exited ${c}`)))));
}

/** N simultaneous requests, each on its own connection; a tally of statuses and error codes. */
const CONNECTIONS_SCRIPT = `
import http from 'node:http';
import { readFileSync } from 'node:fs';
const { BASE, N, BODY_FILE, URL_PATH } = process.env;
const BODY = readFileSync(BODY_FILE, 'utf8');
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const tally = {};
const one = () => new Promise((res) => {
  const u = new URL(BASE + URL_PATH);
  const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) } }, (r) => {
    r.resume();
    r.on('end', () => { tally[r.statusCode] = (tally[r.statusCode] ?? 0) + 1; res(); });
  });
  req.setTimeout(60000, () => req.destroy(new Error('client timeout')));
  req.on('error', (e) => { tally[e.code ?? e.message] = (tally[e.code ?? e.message] ?? 0) + 1; res(); });
  req.end(BODY);
});
await Promise.all(Array.from({ length: Number(N) }, one));
process.stdout.write(JSON.stringify(tally));
`;

const only = (tally: Record<string, number>, allowed: string[]): boolean => Object.keys(tally).every((k) => allowed.includes(k));

async function thousandConnections(): Promise<void> {
  const s = await serve([], ['--port', '0']);
  const tally = await client(CONNECTIONS_SCRIPT, { BASE: s.base, N: '1000', BODY: profile, URL_PATH: '/v1/evaluate?asOf=2026-11-28&explain=false' });
  check('1,000 concurrent connections: each answered 200 or 503 busy', only(tally, ['200', '503']) && (tally['200'] ?? 0) > 0, JSON.stringify(tally));
  const health = await fetch(`${s.base}/healthz`);
  check('… and the service still answers', health.status === 200);
  s.child.kill('SIGTERM');
}

async function batchAttack(): Promise<void> {
  const s = await serve(['--max-old-space-size=128'], ['--port', '0']);
  const atLimit = `[${Array.from({ length: 100 }, () => profile.trim() + ' '.repeat(9000)).join(',')}]`; // 100 profiles, just under 1 MiB
  if (Buffer.byteLength(atLimit) > 1024 * 1024) throw new Error('the at-limit body is over the limit');
  const overCount = `[${Array.from({ length: 101 }, () => '{}').join(',')}]`;
  const huge = `[${Array.from({ length: 60_000 }, () => '{}').join(',')}]` + ' '.repeat(10 * 1024 * 1024);
  const tallies: Record<string, number>[] = [];
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    tallies.push(
      ...(await Promise.all([
        client(CONNECTIONS_SCRIPT, { BASE: s.base, N: '40', BODY: atLimit, URL_PATH: '/v1/evaluate/batch' }),
        client(CONNECTIONS_SCRIPT, { BASE: s.base, N: '40', BODY: overCount, URL_PATH: '/v1/evaluate/batch' }),
        client(CONNECTIONS_SCRIPT, { BASE: s.base, N: '20', BODY: huge, URL_PATH: '/v1/evaluate/batch' }),
      ])),
    );
  }
  const total: Record<string, number> = {};
  for (const t of tallies) for (const [k, v] of Object.entries(t)) total[k] = (total[k] ?? 0) + v;
  // a 10 MB body is refused while it is still being sent: the server answers 413 and closes, and the client may see EPIPE/ECONNRESET while writing
  check('batch-size attack under --max-old-space-size=128: only 200/408/413/503 (or a refused upload cut off)', only(total, ['200', '408', '413', '503', 'EPIPE', 'ECONNRESET']), JSON.stringify(total));
  check('… the process survives', s.child.exitCode === null && (await fetch(`${s.base}/healthz`)).status === 200);
  s.child.kill('SIGTERM');
}

async function sigtermUnderLoad(): Promise<void> {
  const s = await serve([], ['--port', '0', '--max-concurrency', '256']);
  const running = client(CONNECTIONS_SCRIPT, { BASE: s.base, N: '400', BODY: profile, URL_PATH: '/v1/evaluate?asOf=2026-11-28' });
  // SIGTERM once the first request is answered (its log line): the others are under way
  const until = Date.now() + 60_000;
  while (!s.log().includes('"msg":"request"') && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  s.child.kill('SIGTERM');
  const tally = await running;
  const code = await new Promise<number | null>((r) => (s.child.exitCode !== null ? r(s.child.exitCode) : s.child.on('exit', r)));
  check('SIGTERM under load: every accepted request got 2xx or 503 (refused connections were never accepted)', only(tally, ['200', '503', 'ECONNREFUSED']) && (tally['200'] ?? 0) > 0, JSON.stringify(tally));
  check('… and the process exited 0', code === 0, String(code));
}

function rss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function reloads(): Promise<void> {
  const s = await serve(['--max-old-space-size=128'], ['--port', '0']);
  const samples: number[] = [];
  for (let i = 1; i <= 200; i++) {
    const before = (s.log().match(/rules reloaded/g) ?? []).length;
    s.child.kill('SIGHUP');
    const until = Date.now() + 60_000;
    while ((s.log().match(/rules reloaded/g) ?? []).length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const r = await fetch(`${s.base}/v1/evaluate?asOf=2026-11-28`, { method: 'POST', body: profile, headers: { 'content-type': 'application/json' } });
    if (r.status !== 200) throw new Error(`reload ${i}: status ${r.status}`);
    const version = ((await r.json()) as { rulesVersion: string }).rulesVersion;
    if (version !== r.headers.get('zige-rules-version')) throw new Error(`reload ${i}: body version ${version}, header ${r.headers.get('zige-rules-version')}`);
    if (i % 20 === 0) {
      await new Promise((res) => setTimeout(res, 200)); // the checking worker has ended
      samples.push(rss(s.child.pid!));
    }
  }
  const [first, last] = [samples[0], samples[samples.length - 1]];
  console.log(`RSS every 20 reloads (MiB): ${samples.map((x) => x.toFixed(0)).join(' ')}`);
  check('200 reloads under --max-old-space-size=128: RSS bounded (last ≤ first after 20 reloads + 64 MiB)', last <= first + 64, `${first.toFixed(0)} → ${last.toFixed(0)} MiB`);
  s.child.kill('SIGTERM');
}

function docBlock(lang: string): string {
  return new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readFileSync(join(ROOT, 'docs', 'serve.md'), 'utf8'))![1];
}

async function clients(): Promise<void> {
  const s = await serve([], ['--port', '0']);
  const expected = (JSON.parse(readFileSync(join(ROOT, 'examples', 'applicant-no-education.expected.json'), 'utf8')) as { results: { occupation: string; level: number; status: string }[] }).results.map((r) => `${r.occupation} level ${r.level}: ${r.status}`);
  const env = { ...process.env, ZIGE_URL: s.base };
  if (spawnSync('python3', ['--version']).status !== 0) check('python3 is installed (apt-get install -y python3)', false);
  else {
    const py = spawnSync('python3', ['-', PROFILE], { input: docBlock('python'), env, encoding: 'utf8' });
    check('the Python client of docs/serve.md', py.status === 0 && JSON.stringify(py.stdout.trim().split('\n').slice(1)) === JSON.stringify(expected), py.stdout + py.stderr);
  }
  if (spawnSync('java', ['-version']).status !== 0) check('java is installed (apt-get update && apt-get install -y default-jdk-headless)', false);
  else {
    const dir = mkdtempSync(join(scratch, 'java-'));
    writeFileSync(join(dir, 'Client.java'), docBlock('java'));
    const java = spawnSync('java', ['Client.java', PROFILE], { cwd: dir, env, encoding: 'utf8' });
    check('the Java client of docs/serve.md (java.net.http)', java.status === 0 && JSON.stringify(java.stdout.trim().split('\n').slice(1)) === JSON.stringify(expected), java.stdout + java.stderr);
  }
  s.child.kill('SIGTERM');
}

const started: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of started) if (c.exitCode === null) c.kill('SIGKILL');
});

// `tsx test/long/serve-load.ts reloads …`: only the steps named
const chosen = process.argv.slice(2);
for (const step of [clients, thousandConnections, batchAttack, sigtermUnderLoad, reloads]) {
  if (chosen.length > 0 && !chosen.includes(step.name)) continue;
  try {
    await step();
  } catch (e) {
    check(step.name, false, String(e));
  }
}
console.log(`serve-load: ${passed} passed, ${failures} failed`);
process.exit(failures > 0 ? 1 : 0);
