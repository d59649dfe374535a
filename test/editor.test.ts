// Editor support as VS Code's YAML extension gives it: yaml-language-server reads the schema line
// at the top of a rule file and reports schema errors as you type. Here the real server is spoken
// to over stdio (LSP JSON-RPC): initialize, initialized, didOpen, then publishDiagnostics.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, scratch } from './helpers.js';

const SERVER = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity: number;
}

/** Opens one document in a fresh server and returns the first non-empty diagnostics it publishes. */
async function diagnosticsOf(file: string, timeoutMs = 20_000): Promise<LspDiagnostic[]> {
  const server: ChildProcessWithoutNullStreams = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
  const uri = pathToFileURL(file).href;
  let nextId = 1;
  const send = (message: Record<string, unknown>): void => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
  };
  let stderr = '';
  server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    return await new Promise<LspDiagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
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
            send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(file, 'utf8') } } });
          } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri && message.params.diagnostics.length > 0) {
            clearTimeout(timer);
            resolve(message.params.diagnostics as LspDiagnostic[]);
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
