// A message template's parts, split once: templates come from the packages' problem definitions and
// are used over and over. The browser build's ./template-parts.browser.ts splits every time (a page
// writes a few messages).

const templateParts = new Map<string, string[]>();

/**
 * A template split at its placeholders: text, name, text, name, ..., text.
 *
 * @example
 * partsOf("{pointer} is {got}", /\{([A-Za-z_][A-Za-z0-9_]*)\}/); // ["", "pointer", " is ", "got", ""]
 */
export function partsOf(template: string, placeholder: RegExp): string[] {
  let parts = templateParts.get(template);
  if (parts === undefined) {
    parts = template.split(placeholder);
    // A caller passing many templates must not grow this without end.
    if (templateParts.size >= 1024) templateParts.clear();
    templateParts.set(template, parts);
  }
  return parts;
}
