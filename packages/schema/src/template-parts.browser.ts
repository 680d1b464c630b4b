// The browser build's template-parts.ts: every template split again (a page writes a few messages).

/**
 * A template split at its placeholders: text, name, text, name, ..., text.
 *
 * @example
 * partsOf("{pointer} is {got}", /\{([A-Za-z_][A-Za-z0-9_]*)\}/); // ["", "pointer", " is ", "got", ""]
 */
export function partsOf(template: string, placeholder: RegExp): string[] {
  return template.split(placeholder);
}
