// One message table per language, keyed by diagnostic code. Templates use {name} placeholders
// filled from Diagnostic.args. Adding a code means adding it to both tables (a test checks this).
import type { Diagnostic } from './diagnostics.js';

export type Lang = 'zh' | 'en';

type Table = Record<string, string>;

export const zh: Table = {
  // grammar
  E_LEX: '无法识别的字符 “{text}”',
  E_SYNTAX: '语法错误：此处应为 {expected}，实际为“{found}”',
  E_SYNTAX_EOF: '表达式不完整：结尾处应为 {expected}',
  E_EMPTY: '表达式为空',
  E_JOINED_WORDS: '“{word}”无法识别：关键字与名称之间须有空格，是否应为“{split}”？',
  E_TOO_LONG: '表达式过长（{length} 个字符，上限 {max}）',
  E_TOO_DEEP: '表达式嵌套过深（上限 {max} 层）',
  // semantics
  E_UNKNOWN_LEVEL: '未知的等级“{name}”',
  E_UNKNOWN_SCHOOL: '未知的学校类别“{name}”',
  E_UNKNOWN_DEGREE: '未知的学历层次“{name}”',
  E_UNKNOWN_TRACK: '未知的技工院校班别“{name}”',
  E_UNKNOWN_FACT: '未知的条件“{name}”（可比较的有：年龄）',
  E_LEVEL_MISMATCH: '等级写法前后不一致：“{left}”是 {leftLevel} 级，“{right}”是 {rightLevel} 级',
  E_LEVEL_NOT_OFFERED: '本职业不设{level}，“本职业”范围内不能引用该等级（本职业设有：{offered}）',
  E_TYPE_DURATION: '类型不匹配：“{subject}”须与时长比较（如 3年），这里是“{actual}”',
  E_TYPE_AGE: '类型不匹配：“{subject}”须与岁数比较（如 16岁），这里是“{actual}”',
  E_SCOPE_OCCUPATION: '范围不适用：“{atom}”只能用职业范围（本职业、相关职业、本职业或相关职业），这里是“{scope}”',
  E_SCOPE_MAJOR: '范围不适用：“{atom}”只能用专业范围（本专业、相关专业、本专业或相关专业），这里是“{scope}”',
  E_UNIT: '未知的单位“{unit}”（可用：{allowed}）',
  E_ORDER_HIGHER: '“及以上”不能用于“{name}”',
  E_NOT_TARGET: '培养目标只能是 中级 或 高级，这里是“{name}”',
  // rule files
  E_YAML: 'YAML 语法错误：{detail}',
  E_SCHEMA: '{detail}',
  E_SOURCE_MISSING: '来源语句未在来源文件 {file} 中找到（须逐字摘录）',
  E_SOURCE_FILE: '找不到来源文件 {file}',
  E_DUPLICATE_ID: '重复的{what}“{id}”',
  E_DUPLICATE_LEVEL: '等级 {level} 的条件重复定义',
  E_LEVEL_NOT_DECLARED: '等级 {level} 未在 levels 中声明',
  E_WORKTYPE_LEVEL: '工种“{workType}”的等级 {level} 未在 levels 中声明',
  E_NO_RULES: '目录 {dir} 中没有规则文件',
  E_READ: '无法读取 {file}：{detail}',
  E_VOCABULARY: '词表文件错误：{detail}',
  // profiles
  E_PROFILE_PARSE: '申请人资料无法解析：{detail}',
  E_PROFILE_SCHEMA: '申请人资料字段 {path}：{detail}',
  E_PROFILE_RELATION: '字段 {path}：未指定 --occupation 时，relation 必须写成以职业为键的映射',
  // tests
  E_TEST_CLAUSE: '测试“{test}”引用了不存在的条款 {clause}',
  E_TEST_LEVEL: '测试“{test}”引用了本职业未设的等级 {level}',
  W_UNRELATED: '“{entry}”与本职业的关系未知，按“无关”处理',
  // loaders: rule-file schema (args: field = JSON Pointer shown, path = JSON Pointer)
  E_SCHEMA_REQUIRED: '{field}：缺少必填字段“{property}”',
  E_SCHEMA_REQUIRED_ANY: '{field}：以下字段至少须填写一个：{properties}',
  E_SCHEMA_ADDITIONAL: '{field}：未知字段“{property}”（可用字段：{allowed}）',
  E_SCHEMA_TYPE: '{field}：类型不对，应为{expectedZh}，实际为{actualZh}',
  E_SCHEMA_ENUM: '{field}：不允许的值“{value}”（可用：{allowed}）',
  E_SCHEMA_PATTERN: '{field}：“{value}”格式不对（{hint}）',
  E_SCHEMA_FORMAT: '{field}：“{value}”不是有效的 {format}（须是真实存在的日期）',
  E_SCHEMA_MINIMUM: '{field}：{value} 小于最小值 {limit}',
  E_SCHEMA_MAXIMUM: '{field}：{value} 大于最大值 {limit}',
  E_SCHEMA_MIN_LENGTH: '{field}：不能为空（至少 {limit} 个字符）',
  E_SCHEMA_MIN_ITEMS: '{field}：至少需要 {limit} 项',
  E_SCHEMA_MAX_ITEMS: '{field}：最多只能有 {limit} 项',
  E_SCHEMA_UNIQUE: '{field}：第 {second} 项与第 {first} 项重复（从 0 起数）',
  // loaders: profiles (the path is shown by the renderer)
  E_PROFILE_REQUIRED: '缺少必填字段“{property}”',
  E_PROFILE_REQUIRED_ANY: '以下字段至少须填写一个：{properties}',
  E_PROFILE_ADDITIONAL: '未知字段“{property}”（可用字段：{allowed}）',
  E_PROFILE_TYPE: '类型不对，应为{expectedZh}，实际为{actualZh}',
  E_PROFILE_ENUM: '不允许的值“{value}”（可用：{allowed}）',
  E_PROFILE_PATTERN: '“{value}”格式不对（{hint}）',
  E_PROFILE_DATE: '“{value}”不是真实存在的日期',
  E_PROFILE_MINIMUM: '{value} 小于最小值 {limit}',
  E_PROFILE_MAXIMUM: '{value} 大于最大值 {limit}',
  E_PROFILE_MIN_LENGTH: '不能为空（至少 {limit} 个字符）',
  E_PROFILE_PERIOD: '结束日期 {to} 早于开始日期 {from}',
  E_PROFILE_TOO_LARGE: '申请人资料文件过大（{size} 字节，上限 {max} 字节）',
};

export const en: Table = {
  E_LEX: 'unrecognised character "{text}"',
  E_SYNTAX: 'syntax error: expected {expected}, found "{found}"',
  E_SYNTAX_EOF: 'incomplete expression: expected {expected} at the end',
  E_EMPTY: 'empty expression',
  E_JOINED_WORDS: '"{word}" is not a word: keywords and names are separated by spaces; did you mean "{split}"?',
  E_TOO_LONG: 'expression too long ({length} characters, limit {max})',
  E_TOO_DEEP: 'expression nested too deeply (limit {max})',
  E_UNKNOWN_LEVEL: 'unknown level "{name}"',
  E_UNKNOWN_SCHOOL: 'unknown school kind "{name}"',
  E_UNKNOWN_DEGREE: 'unknown education level "{name}"',
  E_UNKNOWN_TRACK: 'unknown technical-school track "{name}"',
  E_UNKNOWN_FACT: 'unknown condition "{name}" (comparable: age)',
  E_LEVEL_MISMATCH: 'level written two ways that disagree: "{left}" is level {leftLevel}, "{right}" is level {rightLevel}',
  E_LEVEL_NOT_OFFERED: 'this occupation does not offer {level}; it cannot be used in the "same occupation" scope (offered: {offered})',
  E_TYPE_DURATION: 'type mismatch: "{subject}" compares with a duration (e.g. 3 years), not "{actual}"',
  E_TYPE_AGE: 'type mismatch: "{subject}" compares with an age (e.g. 16 years), not "{actual}"',
  E_SCOPE_OCCUPATION: 'scope does not apply: "{atom}" takes an occupation scope (same, related, same-or-related), not "{scope}"',
  E_SCOPE_MAJOR: 'scope does not apply: "{atom}" takes a major scope (same-major, related-major, same-or-related-major), not "{scope}"',
  E_UNIT: 'unknown unit "{unit}" (allowed: {allowed})',
  E_ORDER_HIGHER: '"or higher" cannot be used with "{name}"',
  E_NOT_TARGET: 'a training target is intermediate or advanced, not "{name}"',
  E_YAML: 'YAML syntax error: {detail}',
  E_SCHEMA: '{detail}',
  E_SOURCE_MISSING: 'source sentence not found verbatim in the source document {file}',
  E_SOURCE_FILE: 'source document {file} not found',
  E_DUPLICATE_ID: 'duplicate {what} "{id}"',
  E_DUPLICATE_LEVEL: 'conditions for level {level} defined twice',
  E_LEVEL_NOT_DECLARED: 'level {level} is not declared in levels',
  E_WORKTYPE_LEVEL: 'work type "{workType}" offers level {level}, which is not declared in levels',
  E_NO_RULES: 'no rule files in {dir}',
  E_READ: 'cannot read {file}: {detail}',
  E_VOCABULARY: 'vocabulary file error: {detail}',
  E_PROFILE_PARSE: 'applicant profile cannot be parsed: {detail}',
  E_PROFILE_SCHEMA: 'applicant profile field {path}: {detail}',
  E_PROFILE_RELATION: 'field {path}: without --occupation, relation must be a map keyed by occupation',
  E_TEST_CLAUSE: 'test "{test}" names clause {clause}, which does not exist',
  E_TEST_LEVEL: 'test "{test}" names level {level}, which this occupation does not offer',
  W_UNRELATED: 'relation of "{entry}" to this occupation is unknown; treated as unrelated',
  E_SCHEMA_REQUIRED: '{field}: missing required field "{property}"',
  E_SCHEMA_REQUIRED_ANY: '{field}: at least one of these fields is required: {properties}',
  E_SCHEMA_ADDITIONAL: '{field}: unknown field "{property}" (allowed: {allowed})',
  E_SCHEMA_TYPE: '{field}: wrong type, expected {expected}, got {actual}',
  E_SCHEMA_ENUM: '{field}: value "{value}" is not allowed (allowed: {allowed})',
  E_SCHEMA_PATTERN: '{field}: "{value}" does not match the pattern {pattern}',
  E_SCHEMA_FORMAT: '{field}: "{value}" is not a valid {format} (it must exist in the calendar)',
  E_SCHEMA_MINIMUM: '{field}: {value} is less than the minimum {limit}',
  E_SCHEMA_MAXIMUM: '{field}: {value} is greater than the maximum {limit}',
  E_SCHEMA_MIN_LENGTH: '{field}: must not be empty (at least {limit} characters)',
  E_SCHEMA_MIN_ITEMS: '{field}: needs at least {limit} items',
  E_SCHEMA_MAX_ITEMS: '{field}: may have at most {limit} items',
  E_SCHEMA_UNIQUE: '{field}: item {second} repeats item {first} (counting from 0)',
  E_PROFILE_REQUIRED: 'missing required field "{property}"',
  E_PROFILE_REQUIRED_ANY: 'at least one of these fields is required: {properties}',
  E_PROFILE_ADDITIONAL: 'unknown field "{property}" (allowed: {allowed})',
  E_PROFILE_TYPE: 'wrong type, expected {expected}, got {actual}',
  E_PROFILE_ENUM: 'value "{value}" is not allowed (allowed: {allowed})',
  E_PROFILE_PATTERN: '"{value}" does not match the pattern {pattern}',
  E_PROFILE_DATE: '"{value}" is not a real calendar date',
  E_PROFILE_MINIMUM: '{value} is less than the minimum {limit}',
  E_PROFILE_MAXIMUM: '{value} is greater than the maximum {limit}',
  E_PROFILE_MIN_LENGTH: 'must not be empty (at least {limit} characters)',
  E_PROFILE_PERIOD: 'end date {to} is before start date {from}',
  E_PROFILE_TOO_LARGE: 'applicant profile file too large ({size} bytes, limit {max} bytes)',
};

const tables: Record<Lang, Table> = { zh, en };

/** Fills a code's template in one language; unknown codes fall back to the code itself. */
export function formatMessage(d: Pick<Diagnostic, 'code' | 'args'>, lang: Lang): string {
  const template = tables[lang][d.code] ?? d.code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = d.args?.[key];
    return v === undefined ? '' : String(v);
  });
}
