// zige CLI. Exit codes: 0 done (whatever the eligibility), 1 invalid rules, profile or failing
// tests, 2 bad usage. Errors are rendered, never thrown as stack traces.
import { parseArgs } from 'node:util';
import { packageVersion } from '../compiler/package-root.js';
import { runCheck, runCompile, runEval, runTest, UsageError, type Io } from './commands.js';

const HELP = `zige ${'{version}'} — 职业技能等级认定报名条件：规则检查、编译与判定
zige — exam-registration eligibility rules: check, compile, evaluate

用法 Usage:
  zige check [DIR]                         检查规则文件 / check rule files (default: bundled rules)
  zige compile [DIR] --out DIR [--js] [--runtime SPEC]
                                           生成判定模块 / generate evaluator modules
  zige eval PROFILE [--occupation NAME|ID] [--work-type NAME] [--level N]
                    [--as-of YYYY-MM-DD] [--rules DIR] [--json]
                                           判定申请人 / evaluate an applicant profile (JSON or YAML)
  zige test [DIR]                          运行规则文件中的测试 / run the rule files' tests

Options:
  --lang zh|en|both   message language (default both: 中文 with English)
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
        rules: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.err(`zige: 用法错误 usage error: ${(e as Error).message}\n\n${help()}`);
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
  try {
    switch (command) {
      case 'check':
        return runCheck({ dir: one(rest, 'DIR'), lang }, io);
      case 'compile':
        if (!values.out) throw new UsageError('compile 需要 --out DIR / compile needs --out DIR');
        return runCompile({ dir: one(rest, 'DIR'), out: values.out, js: values.js ?? false, runtime: values.runtime, lang }, io);
      case 'eval': {
        const profile = one(rest, 'PROFILE');
        if (!profile) throw new UsageError('eval 需要申请人资料文件 / eval needs a PROFILE file');
        return await runEval(
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
        return await runTest({ dir: one(rest, 'DIR'), lang }, io);
      default:
        throw new UsageError(`未知命令 unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`zige: ${e.message}\n\n${help()}`);
      return 2;
    }
    // A bug in zige itself: say so plainly, keep the details for a report.
    io.err(`zige: 内部错误 internal error: ${(e as Error).message}`);
    if (process.env.ZIGE_DEBUG) io.err(String((e as Error).stack));
    return 70;
  }
}

function one(rest: string[], what: string): string | undefined {
  if (rest.length > 1) throw new UsageError(`只能给一个 ${what} / expected one ${what}, got ${rest.length}`);
  return rest[0];
}

function help(): string {
  return HELP.replace('{version}', packageVersion());
}

