// Shared by the tests of `zige serve`: the built service (dist/server, as the CLI runs it), and a
// check that every response is one the OpenAPI document describes, valid against its schemas.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { ROOT } from './helpers.js';

type App = typeof import('../server/app.js');
export type Service = import('../server/app.js').Service;

export async function loadServer(): Promise<App> {
  return (await import(pathToFileURL(join(ROOT, 'dist', 'server', 'app.js')).href)) as App;
}

const BASE = 'https://zige.test/openapi.json';
const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Validates responses against the document's own response schemas. */
export class DocumentCheck {
  private ajv = new Ajv({ strict: false, allErrors: true });
  private compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: Record<string, unknown>) {
    (addFormatsModule as unknown as (a: Ajv) => void)(this.ajv);
    this.ajv.addSchema(doc, BASE);
  }

  /** The document's path template for a request path (`/v1/occupations/x` → `/v1/occupations/{id}`). */
  template(path: string): string | undefined {
    const paths = Object.keys(this.doc.paths as object);
    return paths.find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  }

  /** Fails unless the response's status is documented for the route and its JSON body validates. */
  check(method: string, path: string, status: number, contentType: string, body: string): void {
    const template = this.template(path.split('?')[0]);
    if (template === undefined) {
      // an address the document does not have: the NotFound response
      expect(status).toBe(404);
      this.validate('#/components/responses/NotFound/content/application~1problem+json/schema', body, `${method} ${path}`);
      return;
    }
    const responses = (this.doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>)[template!][method.toLowerCase()].responses;
    expect(Object.keys(responses), `${method} ${path} documents status ${status}`).toContain(String(status));
    const media = contentType.split(';')[0];
    const content = responses[String(status)].content ?? {};
    expect(Object.keys(content), `${method} ${path} ${status} documents ${media}`).toContain(media);
    if (!media.includes('json')) return;
    this.validate(`#/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}/content/${escape(media)}/schema`, body, `${method} ${path} ${status}`);
  }

  private validate(pointer: string, body: string, what: string): void {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: BASE + pointer });
      this.compiled.set(pointer, validate);
    }
    const ok = validate(JSON.parse(body));
    expect(ok ? [] : validate.errors, `${what} validates`).toEqual([]);
  }
}
