// The roster's columns, declared once: each sheet (by name and its synonyms), each column's
// Chinese header, English name, the synonyms its header is matched by, and what kind of value it
// holds. The template, the header matcher, the profile builder and the docs' table all read this.

/** What a column holds: how its cells are read and how the template formats them. */
export type FieldKind = 'text' | 'date' | 'number' | 'level' | 'list' | 'yesno';

export interface Field {
  /** The name the code uses. */
  key: string;
  /** The Chinese header the template writes. */
  zh: string;
  en: string;
  /** Other headers meaning the same (matched ignoring spaces, brackets and case). */
  synonyms: readonly string[];
  kind: FieldKind;
  /** For `list`: the values offered in the drop-down (the first ones of `LISTS`). */
  list?: keyof typeof LISTS;
  /** Shown in the template's instructions. */
  note?: string;
}

/** Closed lists offered as drop-downs. Levels and occupations come from the rules. */
export const LISTS = {
  education: ['小学', '初中', '高中', '中等职业学校', '技工学校', '高级技工学校', '技师学院', '高等职业学校', '大专', '本科', '硕士', '博士'],
  educationStatus: ['毕业', '应届', '在读'],
  relation: ['本职业', '相关职业', '无关'],
  majorRelation: ['本专业', '相关专业', '无关'],
  certificateKind: ['技能等级证书', '职业资格证书', '预备技师证书'],
  track: ['中级工班', '高级工班', '预备技师班'],
  assessedTarget: ['中级', '高级'],
  yesno: ['是', '否'],
  source: ['企业', '机关', '社会', '学校(在校生)', '军队', '其他'],
  /** Proof statuses (告知承诺制), in the order of PROOF_VALUES. */
  proof: ['承诺', '已核验', '核查无记录', '已撤销'],
} as const;

/** A proof cell's value → the profile's proof status (docs/profile.md "Proof status"). */
export const PROOF_VALUES: Readonly<Record<(typeof LISTS)['proof'][number], 'declared' | 'verified' | 'not-found' | 'revoked'>> = {
  承诺: 'declared',
  已核验: 'verified',
  核查无记录: 'not-found',
  已撤销: 'revoked',
};

/** Education values of provincial systems (浙江 2015 文化程度) → the profile's school kinds; null = none. */
export const EDUCATION_SYNONYMS: Readonly<Record<string, string | null>> = {
  研究生: '硕士',
  大学本科: '本科',
  大学专科: '大专',
  大学专科和专科学校: '大专',
  专科: '大专',
  高职: '高等职业学校',
  中专: '中等职业学校',
  中等专业学校: '中等职业学校',
  职高: '中等职业学校',
  技校: '技工学校',
  文盲或半文盲: null,
};

const f = (key: string, zh: string, en: string, kind: FieldKind, synonyms: string[] = [], extra: Partial<Field> = {}): Field => ({ key, zh, en, kind, synonyms, ...extra });

const PROOF_NOTE = '承诺 = 告知承诺、待核验；核查无记录、已撤销 = 视同没有；空 = 已核验 / declared; not found and revoked count as absent; empty = verified';
/** A detail sheet's proof status column (告知承诺制). */
const proofField = (zh = '证明状态'): Field => f('proof', zh, 'proof status', 'list', ['核验状态', '告知承诺'], { list: 'proof', note: PROOF_NOTE });

/** The applicant's row key, shared by the main sheet and the detail sheets. */
export const KEY = f('key', '编号', 'row key', 'text', ['序号', '考生编号', '报名编号', '报名序号', 'key', 'no']);

export const MAIN_FIELDS: readonly Field[] = [
  KEY,
  f('name', '姓名', 'name', 'text', ['考生姓名', '申请人']),
  f('idNumber', '身份证号', 'identity number', 'text', ['身份证号码', '证件号码', '公民身份号码', '身份证', 'id']),
  f('birthDate', '出生日期', 'birth date', 'date', ['出生年月', '生日']),
  f('occupation', '职业', 'occupation', 'list', ['申报职业', '报考职业', '职业名称', '职业(工种)']),
  f('workType', '工种', 'work type', 'list', ['申报工种', '报考工种', '职业方向']),
  f('level', '申报等级', 'level applied for', 'level', ['等级', '报考等级', '报考级别', '级别', '申报级别', '鉴定等级']),
  f('declared', '申报条件', 'declared condition', 'list', ['考生申报条件', '报名条件', '申报条件(条款)']),
  f('education', '学历', 'education', 'list', ['文化程度', '最高学历'], { list: 'education' }),
  f('educationStatus', '学历状态', 'education status', 'list', ['毕业状态', '在读状态'], { list: 'educationStatus' }),
  f('graduationDate', '毕业时间', 'graduation date', 'date', ['毕业日期', '毕业年月']),
  f('major', '专业', 'major', 'text', ['所学专业']),
  f('majorRelation', '专业相关性', 'major relation', 'list', ['专业与本职业关系'], { list: 'majorRelation' }),
  f('educationProof', '学历证明状态', 'education proof status', 'list', ['学历核验状态'], { list: 'proof', note: PROOF_NOTE }),
  f('certNumber', '原证书号', 'prior certificate number', 'text', ['原证书编号', '证书编号']),
  f('certOccupation', '原证书职业', 'prior certificate occupation', 'text', ['原职业(工种)', '原职业', '原证书职业(工种)']),
  f('certLevel', '原证书等级', 'prior certificate level', 'level', ['原等级', '原证书级别']),
  f('certKind', '原证书类型', 'prior certificate kind', 'list', ['原证书种类'], { list: 'certificateKind' }),
  f('certDate', '原证书取得日期', 'prior certificate date', 'date', ['发证日期', '取证日期', '原证书发证日期']),
  f('certRelation', '原证书相关性', 'prior certificate relation', 'list', [], { list: 'relation' }),
  f('certProof', '原证书证明状态', 'prior certificate proof status', 'list', ['原证书核验状态'], { list: 'proof', note: PROOF_NOTE }),
  f('years', '本职业工作年限', 'years in this occupation', 'number', ['工作年限', '从事本职业年限', '本职业年限'], { note: '只有年数、没有起止日期时填写 / years with no dates' }),
  f('source', '考生来源', 'applicant source', 'list', ['来源'], { list: 'source' }),
];

export interface SheetSpec {
  key: 'education' | 'certificates' | 'work' | 'training';
  zh: string;
  en: string;
  synonyms: readonly string[];
  fields: readonly Field[];
}

export const DETAIL_SHEETS: readonly SheetSpec[] = [
  {
    key: 'education',
    zh: '学历',
    en: 'education',
    synonyms: ['学历信息', '教育经历'],
    fields: [
      KEY,
      f('level', '学历', 'school kind', 'list', ['文化程度'], { list: 'education' }),
      f('status', '状态', 'status', 'list', ['学历状态', '毕业状态'], { list: 'educationStatus' }),
      f('date', '毕业时间', 'graduation date', 'date', ['毕业日期']),
      f('major', '专业', 'major', 'text', ['所学专业']),
      f('majorRelation', '专业相关性', 'major relation', 'list', [], { list: 'majorRelation' }),
      f('track', '班别', 'track', 'list', ['技工院校班别'], { list: 'track' }),
      f('assessedTarget', '培养目标', 'assessed target', 'list', [], { list: 'assessedTarget' }),
      proofField(),
    ],
  },
  {
    key: 'certificates',
    zh: '证书',
    en: 'certificates',
    synonyms: ['证书信息', '原证书'],
    fields: [
      KEY,
      f('number', '证书编号', 'certificate number', 'text', ['证书号']),
      f('occupation', '职业', 'occupation', 'text', ['证书职业', '职业(工种)']),
      f('level', '等级', 'level', 'level', ['证书等级', '级别']),
      f('kind', '证书类型', 'kind', 'list', ['类型'], { list: 'certificateKind' }),
      f('date', '取得日期', 'date obtained', 'date', ['发证日期', '取证日期']),
      f('relation', '相关性', 'relation', 'list', [], { list: 'relation' }),
      proofField(),
    ],
  },
  {
    key: 'work',
    zh: '工作经历',
    en: 'work',
    synonyms: ['工作经历信息', '工作履历'],
    fields: [
      KEY,
      f('employer', '工作单位', 'employer', 'text', ['单位']),
      f('occupation', '职业', 'occupation', 'text', ['岗位', '从事职业', '职业(工种)']),
      f('from', '开始日期', 'from', 'date', ['起始日期', '开始时间', '起']),
      f('to', '结束日期', 'to', 'date', ['截止日期', '结束时间', '止'], { note: '空 = 至今 / empty = ongoing' }),
      f('years', '年限', 'years', 'number', ['工作年限'], { note: '只有年数时填写 / years with no dates' }),
      f('relation', '相关性', 'relation', 'list', [], { list: 'relation' }),
      proofField(),
    ],
  },
  {
    key: 'training',
    zh: '培训',
    en: 'training',
    synonyms: ['培训经历', '培训信息'],
    fields: [
      KEY,
      f('occupation', '职业', 'occupation', 'text', ['培训职业']),
      f('level', '等级', 'level', 'level', ['培训等级']),
      f('date', '结业日期', 'completion date', 'date', ['培训日期']),
      f('certificate', '取得结业证书', 'completion certificate', 'yesno', ['结业证书'], { list: 'yesno' }),
      f('examPassed', '考试合格', 'exam passed', 'yesno', [], { list: 'yesno' }),
      f('relation', '相关性', 'relation', 'list', [], { list: 'relation' }),
      proofField(),
    ],
  },
];

/** The main sheet's names (decided by name, never by position). */
export const MAIN_SHEET = { zh: '花名册', en: 'roster', synonyms: ['报名花名册', '报名表', '考生信息', '名单', '申报人员', 'Sheet1'] } as const;

/** The result columns appended to the main sheet's columns in the reviewed workbook. */
export const RESULT_COLUMNS = [
  { key: 'status', zh: '审核结果', en: 'result' },
  { key: 'declaredHolds', zh: '申报条件是否成立', en: 'declared condition holds' },
  { key: 'holding', zh: '实际符合的条件', en: 'conditions that hold' },
  { key: 'shortfall', zh: '最接近条件的差距', en: 'nearest route: what is missing' },
  { key: 'earliest', zh: '最早可报日期', en: 'earliest date' },
  { key: 'ask', zh: '需核实', en: 'to ask or verify' },
  { key: 'evidence', zh: '需提供材料', en: 'documents' },
  { key: 'problems', zh: '读取问题', en: 'problems reading the row' },
] as const;

export type ResultKey = (typeof RESULT_COLUMNS)[number]['key'];

/** Header text as compared: no spaces, no brackets of either width, no "*" marks, lower case. */
export function headerKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s*＊()（）[\]【】:：]/g, '').toLowerCase();
}

/** The 编号 of the template's example rows: such rows are copied to the reviewed workbook, never judged. */
export const EXAMPLE_KEY = '示例';
