// The HTML pages of the schema reference: a page per kind and version, a changelog per version, and
// the indexes. Plain HTML with a little inline CSS, no script: any static host serves it.

export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const code = (text) => `<code>${escapeHtml(text)}</code>`;
/** Inline `code` spans of a constraint or description, as code. */
const inline = (text) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");

const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}" +
  "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}" +
  "code{font-size:.9em;background:#f4f4f6;padding:0 .2em;border-radius:3px;word-break:break-all}.note{color:#666;font-size:.9em}" +
  ".deprecated{color:#a33}ul{margin:.2rem 0;padding-left:1.2rem}";

export function page(title, body, home = "../index.html") {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<p class="note"><a href="${home}">Cohesion schemas</a></p>\n${body}\n</body>\n</html>\n`;
}

/** The reference page of one kind at one version. */
export function kindPage({ version, file, schema, rows, since, id }) {
  const row = (r) => {
    const notes = [];
    if (r.required) notes.push("<strong>required</strong>");
    if (r.condition) notes.push(`when ${escapeHtml(r.condition)}`);
    // Fields as old as the schemas carry no note; a later one says the version that brought it.
    const first = since.get(r.path);
    if (first !== undefined && first !== since.firstVersion) notes.push(first === version ? `new in ${escapeHtml(version)}` : `since ${escapeHtml(first)}`);
    const deprecated = r.deprecated
      ? `<p class="deprecated">Deprecated${r.deprecated.since ? ` since ${escapeHtml(r.deprecated.since)}` : ""}${r.deprecated.replacement ? `: use ${code(r.deprecated.replacement)} instead` : ""}.</p>`
      : "";
    // Whose words the field holds is said in its provenance mark, linked from here.
    const whose = r.provenance ? `<p class="note">Whose words: marked in <a href="#${escapeHtml(r.provenance)}">${code(r.provenance)}</a> (source or editorial).</p>` : "";
    const enums = r.enum.length > 0 ? `<ul>${r.enum.map((e) => `<li>${code(JSON.stringify(e.value))}${e.meaning ? `: ${escapeHtml(e.meaning)}` : ""}</li>`).join("")}</ul>` : "";
    return `<tr id="${escapeHtml(r.path)}"><td>${code(r.path)}<br><span class="note">${notes.join(", ")}</span></td><td>${escapeHtml(r.type)}</td><td>${r.constraints.map(inline).join("<br>")}</td><td>${r.title ? `<strong>${escapeHtml(r.title)}.</strong> ` : ""}${escapeHtml(r.description)}${whose}${deprecated}${enums}</td></tr>`;
  };
  const body = [
    `<h1>${escapeHtml(schema.title ?? file)} <span class="note">schema version ${escapeHtml(version)}</span></h1>`,
    `<p>${escapeHtml(schema.description ?? "")}</p>`,
    `<p>${code(id)} — <a href="${escapeHtml(file)}">the schema</a> (JSON Schema draft 2020-12) · <a href="changelog.html">what changed in ${escapeHtml(version)}</a></p>`,
    rows.length === 0 ? "<p>Shared definitions only: the fields that use them are listed on each kind's page.</p>" : "",
    ...(rows.some((r) => r.provenance)
      ? [`<p><strong>Whose words.</strong> Prose fields that can say whose words they hold name their mark: a ${code("provenance")} object beside them gives each one as ${code('"source"')} (it restates what the cited source says, in Cohesion's words) or ${code('"editorial"')} (Cohesion wrote it: a gloss, summary, judgement, assumption or question the source does not give). A field whose mark is left out is not marked either way. Tools show the marks, for example ${code("cohesion show benchmark")} and the reports.</p>`]
      : []),
    rows.length > 0 ? `<table>\n<tr><th>Field</th><th>Type</th><th>Constraints</th><th>Meaning</th></tr>\n${rows.map(row).join("\n")}\n</table>` : "",
  ];
  return page(`${schema.title ?? file} (schema ${version})`, body.join("\n"));
}

/** The changelog page of one version: every change from the previous version, by the bump it needs. */
export function changelogPage({ version, previous, diff }) {
  const body = [`<h1>Schema version ${escapeHtml(version)}: what changed</h1>`];
  if (previous === undefined) body.push("<p>The first schema version.</p>");
  else if (diff.changes.length === 0) body.push(`<p>No change from ${escapeHtml(previous)} but the version in each <code>$id</code>.</p>`);
  else {
    body.push(`<p>From ${escapeHtml(previous)}: a <strong>${escapeHtml(diff.bump)}</strong> change. ${diff.bump === "major" ? "Documents of the previous version may be refused; <code>cohesion migrate</code> upgrades them." : "Every document valid before stays valid."}</p>`);
    for (const bump of ["major", "minor", "patch"]) {
      const changes = diff.changes.filter((c) => c.bump === bump);
      if (changes.length === 0) continue;
      body.push(`<h2>${bump}</h2>\n<ul>${changes.map((c) => `<li><a href="${escapeHtml(c.file.replace(/\.schema\.json$/, ".html"))}">${code(`${c.file}#${c.pointer}`)}</a>: ${escapeHtml(c.reason)}</li>`).join("")}</ul>`);
    }
  }
  return page(`Schema version ${version}: changes`, body.join("\n"));
}

/** The page of one version: its kinds and its changelog. */
export function versionPage({ version, files, sets }) {
  const items = files.map((f) => `<li><a href="${escapeHtml(f.replace(/\.schema\.json$/, ".html"))}">${escapeHtml(sets[f]?.title ?? f)}</a> — <a href="${escapeHtml(f)}">${code(f)}</a></li>`);
  return page(`Cohesion schemas ${version}`, `<h1>Cohesion schemas, version ${escapeHtml(version)}</h1>\n<p><a href="changelog.html">What changed in ${escapeHtml(version)}</a></p>\n<ul>${items.join("")}</ul>`);
}

/** The home page: every version, newest first. */
export function indexPage({ versions, latest }) {
  const items = [...versions].reverse().map((v) => `<li><a href="${escapeHtml(v)}/index.html">${escapeHtml(v)}</a>${v === latest ? " (latest)" : ""} — <a href="${escapeHtml(v)}/changelog.html">changes</a></li>`);
  return page(
    "Cohesion schemas",
    `<h1>Cohesion schemas</h1>\n<p>JSON Schemas (draft 2020-12) for Cohesion documents, one folder per schema version. Each schema sits at the path of its <code>$id</code>, so hosting this folder at <code>https://schemas.cohesion.dev/</code> makes every <code>$id</code> resolve; <a href="catalog.json">catalog.json</a> lists them, SchemaStore style.</p>\n<ul>${items.join("")}</ul>`,
    "index.html",
  );
}
