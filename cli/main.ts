// zige CLI. Exit codes: 0 done (whatever the eligibility), 1 invalid rules, profile or failing
// tests, 2 bad usage. Errors are rendered, never thrown as stack traces.
import { parseArgs } from 'node:util';
import { packageVersion } from '../compiler/package-root.js';
import type { Io } from './output.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../compiler/diagnostic-formats.js';
import { UsageError } from './usage-error.js';
import { sanitize } from '../compiler/sanitize.js';

const HELP = `zige ${'{version}'} — 职业技能等级认定报名条件：规则检查、编译与判定
zige — exam-registration eligibility rules: check, compile, evaluate

用法 Usage:
  zige check [DIR] [--watch] [--no-cache] [--cache-dir DIR]
                                           检查规则文件 / check rule files (default: bundled rules);
                                           --watch: again on every save; 结果缓存，输入不变即复用 /
                                           results are reused until an input changes
                                           (node_modules/.cache/zige; --no-cache: always check)
  zige compile [DIR] --out DIR [--js] [--runtime SPEC]
                                           生成判定模块 / generate evaluator modules
  zige fmt [--check] [--lang zh|en] [PATH...]
                                           规范表达式格式、中英互转 / canonical expressions;
                                           --lang converts keywords and names
  zige eval PROFILE [--occupation NAME|ID] [--work-type NAME] [--level N]
                    [--as-of YYYY-MM-DD] [--rules DIR] [--json]
                                           判定申请人 / evaluate an applicant profile (JSON or YAML;
                                           - reads stdin)
  zige eval --batch FILE.jsonl|FILE.csv [--out FILE.jsonl|FILE.csv] [--jobs N] [--explain]
            [--bom] [eval options]
                                           批量判定，每行一份资料 / one profile per line, streamed;
                                           worker threads for large inputs (docs/profile.md);
                                           --bom: CSV for Excel (UTF-8 byte-order mark)
  zige test [DIR] [--occupation NAME|ID] [--level N] [--update]
                                           运行规则文件中的测试 / run the rule files' tests;
                                           --update records results of cases without expect
  zige trace [DIR] [--json]                逐条对照来源文件与规则条款 / trace every numbered source
                                           clause to the rule clauses that encode it

Options:
  --lang zh|en|both   message language (default both: 中文 with English)
  --format human|json|github
                      diagnostics of check, compile and test: for people (default), one JSON
                      document, or GitHub Actions annotations
  -h, --help          this help
  -v, --version       version

Exit codes: 0 ok · 1 invalid rules/profile, failing tests · 2 bad usage`;

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        js: { type: 'boolean' },
        runtime: { type: 'string' },
        occupation: { type: 'string' },
        'work-type': { type: 'string' },
        level: { type: 'string' },
        'as-of': { type: 'string' },
        batch: { type: 'string' },
        jobs: { type: 'string' },
        explain: { type: 'boolean' },
        bom: { type: 'boolean' },
        rules: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        format: { type: 'string' },
        check: { type: 'boolean' },
        watch: { type: 'boolean' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        update: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.err(`zige: 用法错误 usage error: ${sanitize((e as Error).message)}\n\n${help()}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(packageVersion());
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (command === undefined && !values.help ? io.err : io.out)(help());
    return command === undefined && !values.help ? 2 : 0;
  }
  const lang = values.lang ?? 'both';
  if (lang !== 'zh' && lang !== 'en' && lang !== 'both') {
    io.err(`zige: --lang 只能是 zh、en 或 both / --lang must be zh, en or both`);
    return 2;
  }
  const format = (values.format ?? 'human') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) {
    io.err(`zige: --format 只能是 human、json 或 github / --format must be human, json or github`);
    return 2;
  }
  // Commands are loaded only when run: `--help` and `--version` need none of them, and a cached
  // `check` only cli/check-cache.ts and the renderer (cold start).
  const commands = (): Promise<typeof import('./commands.js')> => import('./commands.js');
  try {
    const misplaced = optionsNotFor(command, values.batch !== undefined, Object.keys(values));
    if (misplaced) throw new UsageError(misplaced);
    switch (command) {
      case 'check': {
        const dir = one(rest, 'DIR');
        if (values.watch) return await (await import('./watch.js')).runCheckWatch({ dir, lang, format }, io);
        const cache = { enabled: !values['no-cache'], dir: values['cache-dir'] || process.env.ZIGE_CACHE_DIR || undefined };
        return await (await import('./check-cache.js')).runCheckCached({ dir, lang, format, cache }, io);
      }
      case 'compile':
        if (!values.out) throw new UsageError('compile 需要 --out DIR / compile needs --out DIR');
        return (await commands()).runCompile({ dir: one(rest, 'DIR'), out: values.out, js: values.js ?? false, runtime: values.runtime, lang, format }, io);
      case 'fmt':
        if (values.lang === 'both') throw new UsageError('fmt 的 --lang 只能是 zh 或 en / fmt --lang must be zh or en');
        return (await import('./fmt.js')).runFmt({ paths: rest, check: values.check ?? false, lang: values.lang as 'zh' | 'en' | undefined, messages: lang }, io);
      case 'eval': {
        if (values.batch !== undefined) {
          if (rest.length > 0) throw new UsageError('--batch 与 PROFILE 不能同时给出 / give --batch or a PROFILE, not both');
          const { runBatch } = await import('./batch.js');
          return await runBatch(
            { input: values.batch, out: values.out, jobs: values.jobs, explain: values.explain ?? false, bom: values.bom ?? false, occupation: values.occupation, workType: values['work-type'], level: values.level, asOf: values['as-of'], rules: values.rules, lang },
            io,
          );
        }
        const profile = one(rest, 'PROFILE');
        if (!profile) throw new UsageError('eval 需要申请人资料文件 / eval needs a PROFILE file');
        return await (await import('./eval.js')).runEval(
          {
            profile,
            occupation: values.occupation,
            workType: values['work-type'],
            level: values.level,
            asOf: values['as-of'],
            rules: values.rules,
            json: values.json ?? false,
            lang,
          },
          io,
        );
      }
      case 'test':
        return await (await commands()).runTest(
          { dir: one(rest, 'DIR'), lang, format, occupation: values.occupation, level: values.level, update: values.update ?? false },
          io,
        );
      case 'trace':
        return (await import('./trace.js')).runTrace({ dir: one(rest, 'DIR'), json: values.json ?? false, lang }, io);
      default:
        throw new UsageError(`未知命令 unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`zige: ${sanitize(e.message)}\n\n${help()}`);
      return 2;
    }
    // A bug in zige itself: say so plainly, keep the details for a report.
    io.err(`zige: 内部错误 internal error: ${sanitize((e as Error).message)}`);
    if (process.env.ZIGE_DEBUG) io.err(String((e as Error).stack));
    return 70;
  }
}

/**
 * The options each command reads besides --lang, --help and --version. parseArgs accepts every
 * option with every command; one that a command does not read would be ignored without a word
 * (`zige eval p.yaml --out r.json` would print to the terminal and write nothing).
 */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  check: ['format', 'watch', 'cache-dir', 'no-cache'],
  compile: ['out', 'js', 'runtime', 'format'],
  fmt: ['check'],
  eval: ['occupation', 'work-type', 'level', 'as-of', 'rules', 'json'],
  'eval --batch': ['batch', 'out', 'jobs', 'explain', 'bom', 'occupation', 'work-type', 'level', 'as-of', 'rules'],
  test: ['format', 'occupation', 'level', 'update'],
  trace: ['json'],
};
const EVERY_COMMAND = ['lang', 'help', 'version'];

/** A usage message for the first given option that `command` does not read; null if none (or no such command). */
function optionsNotFor(command: string | undefined, batch: boolean, given: string[]): string | null {
  const name = command === 'eval' && batch ? 'eval --batch' : command;
  const own = name === undefined ? undefined : COMMAND_OPTIONS[name];
  if (own === undefined) return null; // help, or an unknown command: reported as such
  const stray = given.find((o) => !own.includes(o) && !EVERY_COMMAND.includes(o));
  if (stray === undefined) return null;
  const takes = [...own.filter((o) => o !== 'batch'), 'lang'].map((o) => `--${o}`).join(' ');
  const hint = name === 'eval' && stray === 'out' ? '；写入文件请重定向 / to write a file, redirect: --json > FILE' : '';
  return `${name} 不接受 --${stray} / ${name} does not take --${stray} (选项 options: ${takes})${hint}`;
}

function one(rest: string[], what: string): string | undefined {
  if (rest.length > 1) throw new UsageError(`只能给一个 ${what} / expected one ${what}, got ${rest.length}`);
  return rest[0];
}

function help(): string {
  return HELP.replace('{version}', packageVersion());
}

