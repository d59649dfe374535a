// Messages as data: a code and its arguments, worded by one template per language with {name}
// placeholders. The runtime's own warnings are worded here; the compiler's diagnostics fill their
// templates (compiler/diagnostics/messages.ts) with the same `fillTemplate`.
import type { MessageLang } from './words.js';

/** The values of a message's placeholders, by name. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** The codes of the warnings the runtime says about a profile. */
export type RuntimeMessageCode = 'W_UNRELATED' | 'W_NO_MAJOR' | 'W_UNKNOWN_KIND' | 'W_UNKNOWN_FACT' | 'W_UNKNOWN_CATEGORY' | 'W_UNKNOWN_EVENT';

/** The runtime's templates; `path` is the JSON Pointer of the profile entry, `occupation` the occupation's id. */
export const RUNTIME_MESSAGES: Readonly<Record<MessageLang, Readonly<Record<RuntimeMessageCode, string>>>> = {
  zh: {
    W_UNRELATED: '{path}（{entry}）与{occupationName}的关系未知，按无关处理',
    W_NO_MAJOR: '{path}（专业 {major}）与{occupationName}的专业关系未知，按无关处理',
    W_UNKNOWN_KIND: '{path}：未知的经历种类“{kind}”，不计入从业年限',
    W_UNKNOWN_FACT: '{path}：词表未声明此事实，已忽略',
    W_UNKNOWN_CATEGORY: '{path}：词表未声明人员类别“{name}”，已忽略',
    W_UNKNOWN_EVENT: '{path}：词表未声明“{name}”（事件种类或竞赛类别），此记录不计入',
  },
  en: {
    W_UNRELATED: 'relation of "{entry}" to {occupation} unknown, treated as unrelated',
    W_NO_MAJOR: 'major "{major}" not known to be related to {occupation}, treated as unrelated',
    W_UNKNOWN_KIND: 'unknown work kind "{kind}", not counted',
    W_UNKNOWN_FACT: 'fact "{name}" is not declared in the vocabulary, ignored',
    W_UNKNOWN_CATEGORY: 'applicant category "{name}" is not declared in the vocabulary, ignored',
    W_UNKNOWN_EVENT: '"{name}" (an event kind or competition tier) is not declared in the vocabulary: the event does not count',
  },
};

/** A template with each {name} replaced by its argument (nothing for a missing one). */
export function fillTemplate(template: string, args: MessageArgs | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = args?.[key];
    return v === undefined ? '' : String(v);
  });
}

/** A runtime message in one language. */
export function renderMessage(code: RuntimeMessageCode, args: MessageArgs, lang: MessageLang): string {
  return fillTemplate(RUNTIME_MESSAGES[lang][code], args);
}

/** A runtime message in both languages, as warnings carry it: `中文 / English`. */
export function renderBoth(code: RuntimeMessageCode, args: MessageArgs): string {
  return `${renderMessage(code, args, 'zh')} / ${renderMessage(code, args, 'en')}`;
}
