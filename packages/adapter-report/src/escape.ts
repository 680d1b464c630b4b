const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML and SVG content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"Kypseli"</b>'); // "&lt;b&gt;&quot;Kypseli&quot;&lt;/b&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Escapes text for Markdown so that names with `*`, `_`, `|` or brackets render as written. Only what
 * could start emphasis, code, a link, HTML, a table cell or (at the start) a heading is escaped, so
 * ordinary punctuation such as parentheses stays readable in the Markdown source.
 *
 * @example
 * ```ts
 * escapeMarkdown("Gender | equality (2024)"); // "Gender \\| equality (2024)"
 * ```
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, "\\$1")
    .replace(/\r?\n/g, " ")
    .replace(/^([#>+-])/, "\\$1");
}

/**
 * Whether an address may be a link in a report: `http:`, `https:` or `mailto:` (in any case). The schema takes
 * any URI, `javascript:` and `data:` included, and a report is opened where no Content-Security-Policy
 * guards it (a mail client, a Markdown viewer): any other address is shown as text, never as a link.
 *
 * @example
 * ```ts
 * isWebAddress("https://city.example.org/minutes.pdf"); // true
 * isWebAddress("javascript:alert(1)"); // false
 * ```
 */
export function isWebAddress(url: string): boolean {
  return /^(?:https?|mailto):/i.test(url);
}

/** Formats a 0–100 score for display, or a dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === "number" && Number.isFinite(score) ? String(Math.round(score * 10) / 10) : "–";
}
