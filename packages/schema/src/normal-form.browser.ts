// The browser build's normal-form.ts: every normal form worked out again (a page asks for a few hints).

/**
 * A name as typo hints compare it: lower case, without hyphens, underscores and spaces.
 *
 * @example
 * normalise("Key_Factor"); // "keyfactor"
 */
export function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}
