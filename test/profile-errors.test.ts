// Profile errors in our own words: reserved keys (__proto__ …) say they are reserved, a date before
// the earliest the runtime reads is one date error at its path, and a second YAML document is
// pointed at and explained, not left to the yaml library's advice.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { DiagnosticSink, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { loadProfile } from '../compiler/profile/load-profile.js';
import { formatMessage } from '../compiler/diagnostics/messages.js';
import { parseDay } from '../runtime/dates.js';
import { ROOT, scratch } from './helpers.js';

function diagnostics(text: string): Diagnostic[] {
  const sink = new DiagnosticSink();
  expect(loadProfile('p', text, sink)).toBeUndefined();
  return sink.items;
}

const both = (d: Diagnostic): string => `${formatMessage(d, 'zh')} / ${formatMessage(d, 'en')}`;

describe('profile error messages', () => {
  it('a __proto__, constructor or prototype key is reported as reserved, not as unknown with "allowed: —"', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      for (const [text, path] of [
        [`{"${key}": 1}`, `/${key}`],
        [`{"facts": {"${key}": 1}}`, `/facts/${key}`],
        [`work: [{occupation: x, years: 1, relation: {${key}: 本职业}}]\n`, `/work/0/relation/${key}`],
      ]) {
        const ds = diagnostics(text);
        expect(ds.map((d) => [d.code, d.path])).toEqual([['E_PROFILE_RESERVED_KEY', path]]);
        const message = both(ds[0]);
        expect(message).toContain(`"${key}" is a reserved name`);
        expect(message).toContain(`“${key}”是保留名`);
        expect(message).not.toContain('—');
      }
    }
  });

  it('a date before 0100-01-01 is one date error at its path, the path said once', async () => {
    for (const [text, path] of [
      ['{"birthDate": "0000-01-01"}', '/birthDate'],
      ['{"work": [{"occupation": "x", "from": "0099-12-31"}]}', '/work/0/from'],
    ]) {
      const ds = diagnostics(text);
      expect(ds.map((d) => [d.code, d.path])).toEqual([['E_PROFILE_DATE_MIN', path]]);
      expect(formatMessage(ds[0], 'en')).toMatch(/^date "00\d\d-\d\d-\d\d" is before 0100-01-01/);
    }
    // an impossible year-0 date stays one E_PROFILE_DATE
    expect(diagnostics('{"birthDate": "0000-02-30"}').map((d) => d.code)).toEqual(['E_PROFILE_DATE']);
    const sink = new DiagnosticSink();
    expect(loadProfile('p', '{"birthDate": "0100-01-01"}', sink)).toBeDefined();
    expect(sink.items).toEqual([]);

    const file = join(scratch('profile-errors'), 'old.json');
    writeFileSync(file, '{"birthDate": "0000-01-01"}');
    let stderr = '';
    const code = await main(['eval', file, '--occupation', '互联网营销师', '--as-of', '2026-11-28', '--lang', 'both'], {
      out: () => undefined,
      err: (x) => void (stderr += `${x}\n`),
      readFile: (p) => readFileSync(p, 'utf8'),
      isTTY: false,
      errIsTTY: false,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('error[E_PROFILE_DATE_MIN] at /birthDate: ');
    expect(stderr.split('/birthDate').length - 1).toBe(1);
    expect(stderr).not.toContain('E_PROFILE_SCHEMA');
  });

  it("the schema's earliest date is the runtime's", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'profile.schema.json'), 'utf8')) as { definitions: { date: { formatMinimum: string } } };
    const earliest = schema.definitions.date.formatMinimum;
    expect(parseDay(earliest)).toBeDefined();
    // the runtime's bound is a year (runtime/dates.ts): the last day of the year before is refused
    expect(earliest).toMatch(/^\d{4}-01-01$/);
    const dayBefore = `${String(Number(earliest.slice(0, 4)) - 1).padStart(4, '0')}-12-31`;
    expect(parseDay(dayBefore)).toBeUndefined();
  });

  it('a second YAML document is one error at its line:col, in our words', () => {
    for (const [text, line] of [
      ['birthDate: 2000-01-01\n---\nbirthDate: 2001-01-01\n', 2],
      ['---\nbirthDate: 2000-01-01\n\n# the next applicant\n---\nbirthDate: 2001-01-01\n', 5],
    ] as const) {
      const ds = diagnostics(text);
      expect(ds.map((d) => [d.code, d.range?.start])).toEqual([['E_PROFILE_MULTIPLE_DOCS', { line, col: 1 }]]);
      const message = both(ds[0]);
      expect(message).toContain('a profile file holds one YAML document');
      expect(message).toContain('申请人资料文件只能有一份 YAML 文档');
      expect(message).not.toContain('parseAllDocuments');
    }
  });
});
