// The same candidates (ids, field names) come up in hint after hint: their normal forms are kept, up to
// a bound so that a stream of distinct names cannot grow the cache without end. The browser build's
// ./normal-form.browser.ts keeps none (a page asks for a few hints).
const normalForms = new Map<string, string>();
const KEPT_NORMAL_FORMS = 4_096;

/**
 * A name as typo hints compare it: lower case, without hyphens, underscores and spaces.
 *
 * @example
 * normalise("Key_Factor"); // "keyfactor"
 */
export function normalise(name: string): string {
  let normal = normalForms.get(name);
  if (normal === undefined) {
    normal = name.toLowerCase().replace(/[-_\s]/g, "");
    if (normalForms.size >= KEPT_NORMAL_FORMS) normalForms.clear();
    normalForms.set(name, normal);
  }
  return normal;
}
