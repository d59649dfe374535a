export * from './ast.js';
export { parseExpression, splitKeyword, MAX_EXPRESSION_LENGTH, MAX_NESTING, type GrammarDiagnostic, type ParseResult } from './parse.js';
export { printExpression, type PrintOptions } from './printer.js';
export { exactNumeral, exactOf, isPlainNumeral, multiply, toMillionths, toNumber, type Exact } from './numeral.js';
