import type { ErrorObject } from "ajv";

const isStructured = (value: unknown): value is object => typeof value === "object" && value !== null;

/**
 * The structured value an error leaves unchecked (an unknown member's value, a value of the wrong type), if any.
 *
 * @example
 * hiddenValue(error)?.value;
 */
export function hiddenValue(error: ErrorObject): { value: object; member: boolean } | undefined {
  const data: unknown = error.data;
  if (!isStructured(data)) return undefined;
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const params = error.params as { additionalProperty?: string; unevaluatedProperty?: string };
    const key = params.additionalProperty ?? params.unevaluatedProperty;
    const value: unknown = key === undefined ? undefined : (data as Record<string, unknown>)[key];
    return isStructured(value) ? { value, member: true } : undefined;
  }
  return error.keyword === "type" || error.keyword === "const" || error.keyword === "enum" ? { value: data, member: false } : undefined;
}
