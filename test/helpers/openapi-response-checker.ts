import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export type Json = Record<string, unknown>;

/** Checks answers against the response schemas of the OpenAPI document (its $refs resolved), with ajv 2020-12. */
export class ResponseChecker {
  readonly #operations: {
    method: string;
    template: string;
    pattern: RegExp;
    responses: Record<string, { content?: Record<string, { schema: object }> }>;
  }[] = [];
  readonly #ajv = new Ajv2020({ strict: true, allErrors: true });
  readonly #compiled = new Map<object, ValidateFunction>();
  readonly checked = new Set<string>();

  constructor(resolved: Json) {
    // the OpenAPI dialect's own keywords (OAS 3.1 §4.8.24)
    for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) this.#ajv.addKeyword(keyword);
    for (const [path, item] of Object.entries(resolved.paths as Record<string, Record<string, { responses: never }>>)) {
      const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const method of ['get', 'put', 'post']) {
        const operation = item[method];
        if (operation) this.#operations.push({ method, template: path, pattern, responses: operation.responses });
      }
    }
  }

  /**
   * The body conforms to the schema of this status and content type for this path (and method: GET unless
   * given). Recorded in `checked` as `PATH STATUS` for a GET, `METHOD PATH STATUS` for the others.
   */
  check(url: string, status: number, contentType: string, body: unknown, method = 'GET'): void {
    const path = new URL(url, 'http://x').pathname;
    const operation = this.#operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(path));
    assert.ok(operation, `no ${method} operation in the document for ${path}`);
    const response = operation.responses[String(status)];
    assert.ok(response, `the document gives no ${status} for ${path}`);
    const mediaType = contentType.split(';')[0] ?? '';
    const schema = response.content?.[mediaType]?.schema;
    assert.ok(schema, `the document gives no ${mediaType} body for ${status} ${path}`);
    let validate = this.#compiled.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(schema);
      this.#compiled.set(schema, validate);
    }
    assert.ok(validate(body), `${status} ${url}: ${this.#ajv.errorsText(validate.errors)}`);
    this.checked.add(`${method === 'GET' ? '' : `${method} `}${operation.template} ${status}`);
  }
}
