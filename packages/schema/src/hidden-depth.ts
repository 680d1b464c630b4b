import type { ErrorObject } from "ajv";
import { findTooDeep, MAX_DEPTH } from "./depth";
import { hiddenValue } from "./hidden-value";

// The browser build's ./hidden-depth.browser.ts walks the whole document whenever a structured value is
// left unchecked: the same verdict, less code.

/**
 * Whether an error leaves a structured value unchecked that nests beyond MAX_DEPTH, counted from the
 * document's root. Only that value is walked: the rest of the document was followed by the validator,
 * which never goes past MAX_DEPTH without marking its errors `deep`, so a refused document with a few
 * unknown or mistyped members costs a walk of those members, not of the whole document.
 *
 * @example
 * if (errors.some(hidesTooDeep)) findTooDeep(document);
 */
export function hidesTooDeep(error: ErrorObject): boolean {
  const hidden = hiddenValue(error);
  if (hidden === undefined) return false;
  // The value lies one level below its path for a member, at its path otherwise; "/" never appears
  // escaped in a pointer, so the slashes count the levels.
  let depth = hidden.member ? 1 : 0;
  for (let at = error.instancePath.indexOf("/"); at >= 0; at = error.instancePath.indexOf("/", at + 1)) depth++;
  return findTooDeep(hidden.value, MAX_DEPTH - depth) !== undefined;
}

