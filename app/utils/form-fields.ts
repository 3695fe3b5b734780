import { z, type ZodTypeAny } from "zod";

/**
 * The bounds every posted form is held to before anything builds a structure
 * from its field names. Conform turns `contacts[100000000].name` into an
 * array of a hundred million slots and `a[0][0]…` 5,000 deep into as many
 * nested objects: one 70-byte body could stop the server (issue 14). A
 * person filling in a Ponte form never comes near these numbers.
 */
export const FORM_LIMITS = {
  /** Fields in one form (the largest real form has about 300). */
  maxFields: 2_000,
  /** Characters in one field name. */
  maxNameLength: 200,
  /** Segments in one field name: `contacts[3].name` has three. */
  maxDepth: 6,
  /** Entries of a list the form does not bound itself. */
  maxListLength: 100,
} as const;

export type FormProblemCode = "tooManyFields" | "badFieldName" | "fieldTooDeep" | "listTooLong";

export interface FormProblem {
  code: FormProblemCode;
  /** The offending field name, cut short: for logs, never for the page. */
  field?: string;
}

export type FieldPath = (string | number)[];

const SEGMENT = /^(?:\[(\d{1,9})\]|\.?([^.[\]]+))/;

/**
 * Splits a conform field name (`contacts[3].name`) into its segments, or
 * null when it is not one: unbalanced brackets, empty segments, a non-digit
 * index, or more segments than the limit (checked while reading, so a name
 * 5,000 segments deep costs no more than one 6 deep).
 */
export function parseFieldName(name: string, maxDepth: number = FORM_LIMITS.maxDepth): FieldPath | null {
  if (!name || name.length > FORM_LIMITS.maxNameLength) return null;
  const path: FieldPath = [];
  let rest = name;
  while (rest) {
    const match = SEGMENT.exec(rest);
    if (!match || (path.length === 0 && rest.startsWith("."))) return null;
    path.push(match[1] !== undefined ? Number(match[1]) : match[2]);
    if (path.length > maxDepth) return null;
    rest = rest.slice(match[0].length);
  }
  return path;
}

/**
 * Control characters (C0 and DEL, but tab, line feed and carriage return)
 * never belong in text a person types, and PostgreSQL refuses NUL in text.
 * They are removed, so what the person typed is otherwise kept.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function stripControlCharacters(value: string): string {
  return CONTROL.test(value) ? value.replace(CONTROL, "") : value;
}

/** True when a query parameter or header value holds a control character. */
export function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  return /[\u0000-\u001f\u007f]/.test(value);
}

/**
 * The generic bounds, for any form: field count, name syntax and length,
 * depth, and list indices. Returns the first problem found.
 */
export function checkFieldNames(names: Iterable<string>, limits = FORM_LIMITS): FormProblem | null {
  let count = 0;
  for (const name of names) {
    if (++count > limits.maxFields) return { code: "tooManyFields" };
    if (name === CONFORM_INTENT) continue;
    if (name.length > limits.maxNameLength) return { code: "badFieldName", field: name.slice(0, 60) };
    const path = parseFieldName(name, limits.maxDepth);
    if (!path) return { code: depthOf(name) > limits.maxDepth ? "fieldTooDeep" : "badFieldName", field: name.slice(0, 60) };
    if (path.some((segment) => typeof segment === "number" && segment >= limits.maxListLength)) return { code: "listTooLong", field: name.slice(0, 60) };
  }
  return null;
}

function depthOf(name: string) {
  let depth = 1;
  for (let i = 0; i < name.length && depth <= FORM_LIMITS.maxDepth + 1; i++) if (name[i] === "[" || name[i] === ".") depth++;
  return depth;
}

/** Conform's own field for list buttons (insert, remove, reorder). */
export const CONFORM_INTENT = "__intent__";

/**
 * What a zod schema declares a form may hold: for each path, whether it is
 * known, and how long a declared list may be. Wrappers (optional, default,
 * effects, pipelines) are looked through; a union accepts what any of its
 * options accepts; `any`, `unknown` and records accept any sub-path.
 */
export type Declared =
  | { kind: "leaf" }
  | { kind: "open" }
  | { kind: "object"; fields: Map<string, Declared[]> }
  | { kind: "array"; element: Declared[]; max: number };

const declaredCache = new WeakMap<ZodTypeAny, Declared[]>();

export function declaredShape(schema: ZodTypeAny): Declared[] {
  const cached = declaredCache.get(schema);
  if (cached) return cached;
  const shapes = describe(schema, 0);
  declaredCache.set(schema, shapes);
  return shapes;
}

function describe(schema: ZodTypeAny, depth: number): Declared[] {
  if (depth > 40) return [{ kind: "open" }];
  const def = schema._def as { typeName?: string; [key: string]: unknown };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const shape = (schema as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
      const fields = new Map<string, Declared[]>();
      for (const [key, value] of Object.entries(shape)) fields.set(key, describe(value, depth + 1));
      return [{ kind: "object", fields }];
    }
    case z.ZodFirstPartyTypeKind.ZodArray: {
      const array = schema as z.ZodArray<ZodTypeAny>;
      const max = array._def.maxLength?.value ?? array._def.exactLength?.value ?? FORM_LIMITS.maxListLength;
      return [{ kind: "array", element: describe(array.element, depth + 1), max: Math.min(max, FORM_LIMITS.maxListLength) }];
    }
    case z.ZodFirstPartyTypeKind.ZodTuple: {
      const items = (def.items as ZodTypeAny[]).flatMap((item) => describe(item, depth + 1));
      return [{ kind: "array", element: items, max: (def.items as ZodTypeAny[]).length }];
    }
    case z.ZodFirstPartyTypeKind.ZodOptional:
    case z.ZodFirstPartyTypeKind.ZodNullable:
    case z.ZodFirstPartyTypeKind.ZodDefault:
    case z.ZodFirstPartyTypeKind.ZodCatch:
    case z.ZodFirstPartyTypeKind.ZodReadonly:
      return describe(def.innerType as ZodTypeAny, depth + 1);
    case z.ZodFirstPartyTypeKind.ZodBranded:
      return describe(def.type as ZodTypeAny, depth + 1);
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return describe(def.schema as ZodTypeAny, depth + 1);
    case z.ZodFirstPartyTypeKind.ZodPipeline:
      return describe(def.in as ZodTypeAny, depth + 1);
    case z.ZodFirstPartyTypeKind.ZodLazy:
      return describe((def.getter as () => ZodTypeAny)(), depth + 1);
    case z.ZodFirstPartyTypeKind.ZodUnion:
    case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion: {
      const options = def.options as ZodTypeAny[] | Map<unknown, ZodTypeAny>;
      return [...options.values()].flatMap((option) => describe(option, depth + 1));
    }
    case z.ZodFirstPartyTypeKind.ZodIntersection:
      return [...describe(def.left as ZodTypeAny, depth + 1), ...describe(def.right as ZodTypeAny, depth + 1)];
    case z.ZodFirstPartyTypeKind.ZodAny:
    case z.ZodFirstPartyTypeKind.ZodUnknown:
    case z.ZodFirstPartyTypeKind.ZodRecord:
      return [{ kind: "open" }];
    default:
      return [{ kind: "leaf" }];
  }
}

export type PathFit = "declared" | "undeclared" | "listTooLong";

/** Whether a field path is one the schema declares, and within its lists' bounds. */
export function fitPath(shapes: Declared[], path: FieldPath): PathFit {
  let current = shapes;
  let tooLong = false;
  for (const segment of path) {
    const next: Declared[] = [];
    for (const shape of current) {
      if (shape.kind === "open") return tooLong ? "listTooLong" : "declared";
      if (shape.kind === "object" && typeof segment === "string") next.push(...(shape.fields.get(segment) ?? []));
      if (shape.kind === "array" && typeof segment === "number") {
        if (segment < shape.max) next.push(...shape.element);
        else tooLong = true;
      }
    }
    if (!next.length) return tooLong ? "listTooLong" : "undeclared";
    current = next;
  }
  // A name that stops at an object or list (`contacts=x`) is not a value the schema declares.
  return current.some((shape) => shape.kind === "leaf" || shape.kind === "open" || shape.kind === "array") ? "declared" : "undeclared";
}
