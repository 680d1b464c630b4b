import type { ErrorObject } from "ajv";
import { hiddenValue } from "./hidden-value";

// The browser build's hidden-depth.ts: any structured value an error leaves unchecked may nest too deep,
// and check-document walks the whole document to find out (the Node build walks only that value first).

/**
 * Whether an error leaves a structured value unchecked, which may nest beyond MAX_DEPTH.
 *
 * @example
 * if (errors.some(hidesTooDeep)) findTooDeep(document);
 */
export function hidesTooDeep(error: ErrorObject): boolean {
  return hiddenValue(error) !== undefined;
}
