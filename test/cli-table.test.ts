// The CLI's command table (cli/commands/), run in process through main(): each command's own
// --help, "did you mean" for a mistyped command or option, parseArgs's errors in our bilingual
// words, FORCE_COLOR and NO_COLOR, and the lazy loading the table exists for.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../cli/commands/index.js';
import { formOf } from '../cli/command.js';
import { ROOT, scratch } from './helpers.js';
import { zige } from './in-process.js';

const PROFILE = 'examples/applicant-live-streamer.yaml';

describe('zige <command> --help', () => {
  it("prints that command's usage and options to stdout, exit 0", async () => {
    const main = (await zige(['--help'])).stdout;
    for (const command of COMMANDS) {
      for (const flag of ['--help', '-h']) {
        const r = await zige([command.name, flag]);
        expect(r.code, `${command.name} ${flag}`).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout).toContain(`  zige ${command.name} `);
        expect(r.stdout).not.toBe(main);
        for (const option of [...Object.keys(command.options), 'lang', 'help']) expect(r.stdout, command.name).toMatch(new RegExp(`^  (-., )?--${option}\\b`, 'm'));
        // Its usage is the one in `zige --help`, and no other command's.
        expect(main).toContain(command.usage);
        for (const other of COMMANDS.filter((c) => c !== command)) expect(r.stdout).not.toContain(`zige ${other.name} `);
      }
    }
  });

  it('explains fmt --lang as the conversion it is there', async () => {
    const r = await zige(['fmt', '--help']);
    expect(r.stdout).toMatch(/^ {2}--lang zh\|en {8}\S/m);
    expect(r.stdout).not.toContain('--lang zh|en|both');
  });

  it('keeps `zige --help` for an unknown command', async () => {
    const r = await zige(['frobnicate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await zige(['--help'])).stdout);
  });
});

describe('a mistyped command', () => {
  it('gets "did you mean", exit 2', async () => {
    for (const [typed, meant] of [['evl', 'eval'], ['chek', 'check'], ['compiel', 'compile'], ['tests', 'test'], ['trac', 'trace'], ['fnt', 'fmt']]) {
      const r = await zige([typed, 'x']);
      expect(r.code, typed).toBe(2);
      expect(r.stderr).toBe(`zige: 未知命令 unknown command: ${typed}\n您是不是要用 ${meant}？ / did you mean ${meant}?\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('far from every command, is unknown and shown the help as before', async () => {
    const r = await zige(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('zige: 未知命令 unknown command: frobnicate');
    expect(r.stderr).toContain('用法 Usage:');
    expect(r.stderr).not.toContain('did you mean');
  });
});

describe('an unknown option', () => {
  const first = async (args: string[]): Promise<string> => {
    const r = await zige(args);
    expect(r.code, args.join(' ')).toBe(2);
    expect(r.stderr).not.toMatch(/Unknown option|argument missing|does not take an argument|ambiguous/);
    return r.stderr.split('\n')[0];
  };

  it("is named, in Chinese and English, with the command's options", async () => {
    expect(await first(['eval', PROFILE, '--no-such-flag'])).toBe(
      'zige: eval 没有选项 --no-such-flag / eval has no option --no-such-flag (选项 options: --occupation --work-type --level --as-of --rules --json --lang)',
    );
    expect(await first(['eval', '--batch', 'in.jsonl', '-x'])).toBe(
      'zige: eval --batch 没有选项 -x / eval --batch has no option -x (选项 options: --out --jobs --explain --bom --engine --memory-limit --occupation --work-type --level --as-of --rules --lang)',
    );
    expect(await first(['trace', '--frob=1'])).toBe('zige: trace 没有选项 --frob / trace has no option --frob (选项 options: --json --lang)');
    expect(await first(['--no-such-flag'])).toBe('zige: 没有选项 --no-such-flag / zige has no option --no-such-flag (选项 options: --lang --help --version)');
  });

  it('gets "did you mean" when close to one of the command\'s options', async () => {
    expect(await first(['eval', PROFILE, '--ocupation', '互联网营销师'])).toBe(
      'zige: eval 没有选项 --ocupation / eval has no option --ocupation (选项 options: --occupation --work-type --level --as-of --rules --json --lang)；您是不是要用 --occupation？ / did you mean --occupation?',
    );
    expect(await first(['check', '--no-cach'])).toMatch(/；您是不是要用 --no-cache？ \/ did you mean --no-cache\?$/);
  });

  it('a missing or unexpected value is said in our words too', async () => {
    expect(await first(['compile', 'rules', '--out'])).toBe('zige: --out 需要一个值 / --out needs a value: --out DIR');
    expect(await first(['eval', '--batch', 'in.jsonl', '--out'])).toBe('zige: --out 需要一个值 / --out needs a value: --out FILE');
    expect(await first(['trace', '--json=yes'])).toBe('zige: --json 不带值 / --json takes no value: --json=yes');
    expect(await first(['compile', 'rules', '--out', '--js'])).toBe(
      'zige: --out 需要一个值，不是 --js / --out needs a value, not --js (--out DIR; 以 - 开头的值 a value starting with -: --out=--js)',
    );
  });
});

describe('colour', () => {
  // A diagnostic (E_READ), printed through the renderer: coloured or not.
  const coloured = async (env: Record<string, string | undefined>, errIsTTY: boolean): Promise<boolean> => {
    const r = await zige(['eval', join(scratch('colour'), 'missing.json')], { errIsTTY, env: { NO_COLOR: env.NO_COLOR, FORCE_COLOR: env.FORCE_COLOR } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_READ');
    return r.stderr.includes('\x1b[');
  };

  it('on a terminal, unless NO_COLOR', async () => {
    expect(await coloured({}, true)).toBe(true);
    expect(await coloured({}, false)).toBe(false);
    expect(await coloured({ NO_COLOR: '1' }, true)).toBe(false);
    expect(await coloured({ NO_COLOR: '' }, true)).toBe(true);
  });

  it('FORCE_COLOR forces it on off a terminal, and off with 0 or false; it decides over NO_COLOR', async () => {
    expect(await coloured({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(await coloured({ FORCE_COLOR: '3' }, false)).toBe(true);
    expect(await coloured({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(await coloured({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(await coloured({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(await coloured({ FORCE_COLOR: '' }, false)).toBe(false);
  });
});

describe('the command table', () => {
  it("declares every option a command's forms read, and reads every option it declares", () => {
    for (const command of COMMANDS) {
      const forms = command.forms ?? [formOf(command, {})];
      const read = new Set(forms.flatMap((f) => f.options));
      expect([...read].sort(), command.name).toEqual(Object.keys(command.options).sort());
    }
  });

  it('--help and --version load no command module: main reaches none through static imports', () => {
    // Every module main.js imports statically, transitively, in the built CLI.
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) visit(resolve(dirname(file), m[1]));
      for (const m of text.matchAll(/^import\s+'(\.[^']+)'/gm)) visit(resolve(dirname(file), m[1]));
    };
    const cli = join(ROOT, 'dist', 'cli');
    visit(join(cli, 'main.js'));
    const reached = [...seen].map((f) => f.slice(ROOT.length + 1)).sort();
    expect(reached).toContain('dist/cli/commands/eval.js');
    for (const heavy of ['check-cache', 'watch', 'compile', 'fmt', 'eval', 'batch', 'test-command', 'rule-tests', 'trace']) expect(reached).not.toContain(`dist/cli/${heavy}.js`);
    // The word table (runtime/words.js: data, no imports) checks --lang, and the message templates'
    // filler (runtime/messages.js, which the compiler's message tables use); nothing else of the runtime.
    expect(reached.filter((f) => /^dist\/(grammar|runtime)\/|^dist\/compiler\/(check-rules|generate\/compile|diagnostics\/render)\.js$/.test(f))).toEqual(['dist/runtime/messages.js', 'dist/runtime/words.js']);
  });
});
