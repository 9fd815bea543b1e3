/**
 * Reading an OpenAPI 3.1 document for the documentation page: the operations in order, a schema's type in a
 * few words, and a schema's fields flattened to one row each (`items[].budget.years[].amount`).
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  example?: unknown;
};

export type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
};

export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: JsonSchema; example?: unknown }> }
  >;
};

export type DocumentView = {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type OperationEntry = { method: string; path: string; operation: Operation };

/** Operations grouped by their first tag, tags in the document's order, operations in path order. */
export function operationsByTag(doc: DocumentView): { tag: string; description: string; entries: OperationEntry[] }[] {
  const groups = new Map<string, OperationEntry[]>();
  for (const tag of doc.tags ?? []) groups.set(tag.name, []);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = operation.tags?.[0] ?? 'その他';
      const list = groups.get(tag) ?? [];
      list.push({ method: method.toUpperCase(), path, operation });
      groups.set(tag, list);
    }
  }
  return [...groups].map(([tag, entries]) => ({
    tag,
    description: doc.tags?.find((t) => t.name === tag)?.description ?? '',
    entries,
  }));
}

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

export function resolve(doc: DocumentView, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    current = doc.components?.schemas?.[refName(current.$ref)] ?? {};
  }
  return current;
}

/** A schema's type in a few words: `integer | null`, `"blank" | "dash"`, `Project[]`. */
export function typeLabel(doc: DocumentView, schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return [...new Set(variants.map((v) => typeLabel(doc, v)))].join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const labels = types.map((type) => {
    if (type === 'array') {
      if (schema.prefixItems) return `[${schema.prefixItems.map((p) => typeLabel(doc, p)).join(', ')}]`;
      return `${schema.items ? typeLabel(doc, schema.items) : 'unknown'}[]`;
    }
    if (type === 'string' && schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
    return type;
  });
  if (labels.length === 0 && schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  return labels.join(' | ') || 'object';
}

/** Limits and defaults of a parameter or field, in Japanese. */
export function constraintText(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum}〜${schema.maximum}`);
  else if (schema.minimum !== undefined) parts.push(`${schema.minimum} 以上`);
  if (schema.maxLength !== undefined) parts.push(`${schema.maxLength} 文字まで`);
  if (schema.pattern !== undefined) parts.push(`形式 ${schema.pattern}`);
  if (schema.default !== undefined) parts.push(`既定 ${String(schema.default)}`);
  return parts.join('、');
}

export type FieldRow = { path: string; type: string; required: boolean; description: string };

/** Every field of a response schema, depth first; a component met again inside itself is not repeated. */
export function fieldRows(doc: DocumentView, schema: JsonSchema, prefix = '', seen: string[] = []): FieldRow[] {
  if (schema.$ref) {
    if (seen.includes(schema.$ref)) return [];
    return fieldRows(doc, resolve(doc, schema), prefix, [...seen, schema.$ref]);
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return mergeRows(variants.flatMap((v) => fieldRows(doc, v, prefix, seen)));
  if (schema.items) return fieldRows(doc, schema.items, `${prefix}[]`, seen);
  const rows: FieldRow[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    const resolved = resolve(doc, property);
    rows.push({
      path,
      type: typeLabel(doc, property),
      required: schema.required?.includes(name) ?? false,
      description: property.description ?? resolved.description ?? '',
    });
    rows.push(...fieldRows(doc, property, path, seen));
  }
  return rows;
}

/** Rows of the variants of a union, one per path: their types joined. */
function mergeRows(rows: FieldRow[]): FieldRow[] {
  const byPath = new Map<string, FieldRow>();
  for (const row of rows) {
    const known = byPath.get(row.path);
    if (!known) byPath.set(row.path, { ...row });
    else if (!known.type.split(' | ').includes(row.type)) known.type = `${known.type} | ${row.type}`;
  }
  return [...byPath.values()];
}
