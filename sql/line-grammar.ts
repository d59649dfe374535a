// The shape of a profile line that the DuckDB fast path reads (sql/accept.ts), as one regular
// expression (RE2: linear in the line's length): strict JSON (no comments, NaN or trailing
// commas, which DuckDB's reader would take), the profile schema's keys, types and enumerations
// (schema/profile.schema.json), names of plain characters only. Keys may come in any order and
// may repeat here; repeats are caught on the typed value (accept.ts, keyCount).
import { NONE_VALUES } from '../runtime/words.js';

/**
 * Characters of a name: printable ASCII but `"`, `\` and `:` (a colon counts keys), CJK
 * ideographs. NFKC leaves them as they are; JSON and CSV output need no escape for them.
 */
const NAME_CHAR = '!#-.0-9;-\\[\\]-}\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}';
/** A name: no space at either end (trimming is the identity). */
export const NAME = `[${NAME_CHAR}](?:[ ${NAME_CHAR}]*[${NAME_CHAR}])?`;

const S = ' *';
const str = (body: string): string => `"${body}"`;
const oneOf = (values: readonly string[]): string => str(`(?:${values.join('|')})`);
const DATE = str('[0-9]{4}-[0-9]{2}-[0-9]{2}');
/** A number: no exponent, at most 15 digits on each side (both parsers read it to the same double). */
const UNSIGNED = '(?:0|[1-9][0-9]{0,14})(?:[.][0-9]{1,15})?';
const BOOL = '(?:true|false)';

function object(fields: readonly (readonly [key: string, value: string])[]): string {
  const field = `(?:${fields.map(([k, v]) => `${k}${S}:${S}${v}`).join('|')})`;
  return `\\{${S}(?:${field}${S}(?:,${S}${field}${S})*)?\\}`;
}

function array(item: string): string {
  return `\\[${S}(?:${item}${S}(?:,${S}${item}${S})*)?\\]`;
}

/** A map from names (occupation names, ids, aliases) to one of `values`. */
function relation(values: readonly string[]): string {
  return object([[str(NAME), oneOf(values)]]);
}

const RELATION = relation(['本职业', '相关职业', '无关']);
const NAME_VALUE = str(NAME);
const LEVEL = '[1-5]';

const ENTRIES = {
  work: object([
    ['"occupation"', NAME_VALUE],
    ['"kind"', NAME_VALUE],
    ['"from"', DATE],
    ['"to"', DATE],
    ['"years"', UNSIGNED],
    ['"relation"', RELATION],
  ]),
  certificates: object([
    ['"occupation"', NAME_VALUE],
    ['"level"', LEVEL],
    ['"kind"', oneOf(['职业资格证书', '技能等级证书', '预备技师证书'])],
    ['"date"', DATE],
    ['"relation"', RELATION],
  ]),
  training: object([
    ['"occupation"', NAME_VALUE],
    ['"level"', LEVEL],
    ['"date"', DATE],
    ['"certificate"', BOOL],
    ['"examPassed"', BOOL],
    ['"relation"', RELATION],
  ]),
  apprenticeships: object([
    ['"occupation"', NAME_VALUE],
    ['"completed"', DATE],
    ['"relation"', RELATION],
  ]),
  education: object([
    ['"level"', oneOf(['小学', '初中', '高中', '中等职业学校', '技工学校', '高级技工学校', '技师学院', '高等职业学校', '大专', '本科', '硕士', '博士'])],
    ['"track"', oneOf(['中级工班', '高级工班', '预备技师班'])],
    ['"assessedTarget"', oneOf(['中级', '高级'])],
    ['"major"', NAME_VALUE],
    ['"majorRelation"', relation(['本专业', '相关专业', '无关'])],
    ['"status"', oneOf(['毕业', '应届', '在读'])],
    ['"date"', DATE],
  ]),
};

/** A fact's value: a number, a yes/no, or 无/none. */
const FACT = `(?:-?${UNSIGNED}|${BOOL}|${oneOf(NONE_VALUES)})`;

/** The whole line. */
export const LINE_GRAMMAR = object([
  ['"birthDate"', DATE],
  ['"categories"', array(NAME_VALUE)],
  ...Object.entries(ENTRIES).map(([k, v]) => [`"${k}"`, array(v)] as const),
  ['"facts"', object([[str(NAME), FACT]])],
]);
