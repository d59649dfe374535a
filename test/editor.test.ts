// Editor support as VS Code's YAML extension gives it: yaml-language-server reads the schema line
// at the top of a rule file and reports schema errors as you type. Here the real server is spoken
// to over stdio (LSP JSON-RPC): initialize, initialized, didOpen, then publishDiagnostics.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaComment } from '../compiler/load/schema-comment.js';
import { check, ROOT, RULES, rulesDir, scratch } from './helpers.js';

const SERVER = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity: number;
}

/**
 * Opens the documents in one fresh server and returns, per file, the first diagnostics the server
 * publishes for it (an empty list for a clean file: the server publishes once per validation).
 */
async function diagnosticsOfAll(files: readonly string[], timeoutMs = 30_000): Promise<Map<string, LspDiagnostic[]>> {
  const server: ChildProcessWithoutNullStreams = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
  const fileOf = new Map(files.map((f) => [pathToFileURL(f).href, f]));
  const found = new Map<string, LspDiagnostic[]>();
  let nextId = 1;
  const send = (message: Record<string, unknown>): void => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
  };
  let stderr = '';
  server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    return await new Promise<Map<string, LspDiagnostic[]>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`diagnostics for ${found.size} of ${files.length} files within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
      server.on('exit', (code) => reject(new Error(`yaml-language-server exited (${code})\n${stderr}`)));
      const initialize = nextId++;
      let buffer = Buffer.alloc(0);
      server.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd < 0) return;
          const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
          if (buffer.length < headerEnd + 4 + length) return;
          const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
          buffer = buffer.subarray(headerEnd + 4 + length);
          if (message.method !== undefined && message.id !== undefined) {
            // a request from the server: settings (defaults), capability registration
            send({ id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null });
          } else if (message.id === initialize) {
            send({ method: 'initialized', params: {} });
            send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml: { validate: true, schemaStore: { enable: false } } } } });
            for (const [uri, file] of fileOf) {
              send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(file, 'utf8') } } });
            }
          } else if (message.method === 'textDocument/publishDiagnostics') {
            const file = fileOf.get(message.params.uri);
            if (file !== undefined && !found.has(file)) found.set(file, message.params.diagnostics as LspDiagnostic[]);
            if (found.size === files.length) {
              clearTimeout(timer);
              resolve(found);
            }
          }
        }
      });
      send({
        id: initialize,
        method: 'initialize',
        params: { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: { workspace: { configuration: true } } },
      });
    });
  } finally {
    server.kill();
  }
}

/** The diagnostics of one document. */
async function diagnosticsOf(file: string): Promise<LspDiagnostic[]> {
  return (await diagnosticsOfAll([file])).get(file) ?? [];
}

const BROKEN = (schema: string) => `# yaml-language-server: $schema=${schema}
id: sample
name: 样例职业
colour: red
source:
  document: 样例
  file: sources/guizhou-2023-09-registration-conditions.txt
  section: 一、互联网营销师
levels: five
conditions:
  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满 本职业或相关职业
`;

describe('yaml-language-server with the rule-file schema', () => {
  it('flags an unknown key and a wrong type at their lines (schema named by a relative path)', async () => {
    const dir = scratch('editor');
    const file = join(dir, 'sample.yaml');
    writeFileSync(file, BROKEN(relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'))));
    const found = (await diagnosticsOf(file)).map((d) => ({ line: d.range.start.line + 1, col: d.range.start.character + 1, message: d.message, severity: d.severity }));
    expect(found).toEqual(
      expect.arrayContaining([
        { line: 4, col: 1, message: 'Property colour is not allowed.', severity: 1 },
        { line: 9, col: 9, message: 'Incorrect type. Expected "array".', severity: 1 },
      ]),
    );
  }, 30_000);

  it('reads the schema from a file:// URL too', async () => {
    const dir = scratch('editor');
    const file = join(dir, 'sample.yaml');
    writeFileSync(file, BROKEN(pathToFileURL(join(ROOT, 'schema', 'rule-file.schema.json')).href));
    const messages = (await diagnosticsOf(file)).map((d) => `${d.range.start.line + 1}: ${d.message}`);
    expect(messages).toContain('4: Property colour is not allowed.');
  }, 30_000);
});

/** Every bundled rule file, at any depth under rules/, whose first line names a schema. */
function bundledRuleFiles(): string[] {
  return readdirSync(RULES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(RULES, f))
    .filter((f) => readFileSync(f, 'utf8').startsWith('# yaml-language-server: $schema='))
    .sort();
}

/** A bundled rule file rewritten for another directory: its schema line pointing from there, `edit` applied. */
function variant(dir: string, name: string, from: string, edit: (text: string) => string): string {
  const file = join(dir, name);
  const body = readFileSync(from, 'utf8').replace(/^[^\n]*\n/, '');
  writeFileSync(file, `${schemaComment(file)}\n${edit(body)}`);
  return file;
}

describe('the bundled rule files in the editor', () => {
  it('show no diagnostics, while a deliberate error in the same session shows; expect keys pass as numbers and as strings', async () => {
    const bundled = bundledRuleFiles();
    expect(bundled.length).toBeGreaterThan(0);
    const sample = bundled.find((f) => /expect: \{\d: /.test(readFileSync(f, 'utf8')))!;
    const numbers = (text: string): number => [...text.matchAll(/expect: \{\d: /g)].length;
    const dir = rulesDir({});
    // every `expect: {5: …}` written `expect: {"5": …}`
    const quoted = variant(dir, 'quoted.yaml', sample, (t) => t.replace(/expect: \{(\d): /g, 'expect: {"$1": '));
    expect(numbers(readFileSync(quoted, 'utf8'))).toBe(0);
    // one test's expect gets a level 6 (as a number and as a string) and a status that does not exist
    const badDir = rulesDir({});
    const bad = variant(badDir, 'bad.yaml', sample, (t) => t.replace(/expect: \{\d: \w+\}/, 'expect: {6: eligible, "7": eligible, 5: maybe}'));
    const badLine = readFileSync(bad, 'utf8').split('\n').findIndex((l) => l.includes('expect: {6:')) + 1;

    const found = await diagnosticsOfAll([...bundled, quoted, bad]);
    const messages = (file: string) => (found.get(file) ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    expect(Object.fromEntries(bundled.map((f) => [relative(ROOT, f), messages(f)]))).toEqual(Object.fromEntries(bundled.map((f) => [relative(ROOT, f), []])));
    expect(messages(quoted)).toEqual([]);
    const col = (text: string) => readFileSync(bad, 'utf8').split('\n')[badLine - 1].indexOf(text) + 1;
    expect(messages(bad)).toEqual(
      expect.arrayContaining([
        `${badLine}:${col('6:')} Value is not accepted. Valid values: "1", "2", "3", "4", "5", 1, 2, 3, 4, 5.`,
        `${badLine}:${col('maybe')} Value is not accepted. Valid values: "eligible", "ineligible", "unknown".`,
      ]),
    );

    // zige check's own schema validation (Ajv) agrees: both spellings pass, the same keys fail
    expect(check(dir).sink.sorted().filter((d) => d.severity === 'error')).toEqual([]);
    const errors = check(badDir).sink.sorted().map((d) => `${d.range?.start.line}:${d.range?.start.col} ${d.code} ${String(d.args?.property ?? d.args?.value)}`);
    expect(errors).toEqual([
      `${badLine}:${col('6:')} E_SCHEMA_ADDITIONAL 6`,
      `${badLine}:${col('"7"')} E_SCHEMA_ADDITIONAL 7`,
      `${badLine}:${col('maybe')} E_SCHEMA_ENUM maybe`,
    ]);
  }, 60_000);
});
