// Resolves schema references without the host's URL class, so validation runs in any JavaScript realm
// (browsers, workers, embedded engines), not only where WHATWG URL is provided.

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Removes "." and ".." segments from a path (RFC 3986 §5.2.4). */
function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split("/");
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === ".") {
      if (last) out.push("");
    } else if (segment === "..") {
      if (out.length > 1) out.pop();
      if (last) out.push("");
    } else out.push(segment);
  });
  return out.join("/");
}

/** Splits a URI reference into the part before `#` and the fragment (without `#`). */
export function splitFragment(uri: string): { readonly document: string; readonly fragment: string } {
  const hash = uri.indexOf("#");
  return hash === -1 ? { document: uri, fragment: "" } : { document: uri.slice(0, hash), fragment: uri.slice(hash + 1) };
}

/**
 * Resolves a reference against an absolute base URI (RFC 3986 §5.2), fragment kept; undefined when the
 * base is not absolute and the reference is relative.
 *
 * @example
 * resolveUri("defs.schema.json#/$defs/id", "https://schemas.cohesion.dev/1.1/practice");
 * // "https://schemas.cohesion.dev/1.1/defs.schema.json#/$defs/id"
 */
export function resolveUri(ref: string, base: string): string | undefined {
  if (SCHEME.test(ref)) return ref;
  if (!SCHEME.test(base)) return undefined;
  const { document: baseDocument } = splitFragment(base);
  if (ref === "" || ref.startsWith("#")) return baseDocument + ref;
  const scheme = SCHEME.exec(baseDocument)?.[0] ?? "";
  const rest = baseDocument.slice(scheme.length);
  const authorityMatch = /^\/\/[^/?#]*/.exec(rest);
  const authority = authorityMatch?.[0] ?? "";
  if (ref.startsWith("//")) return scheme + ref;
  const basePath = rest.slice(authority.length).replace(/[?].*$/, "");
  if (ref.startsWith("/")) return scheme + authority + removeDotSegments(ref);
  const directory = basePath.slice(0, basePath.lastIndexOf("/") + 1) || (authority !== "" ? "/" : "");
  return scheme + authority + removeDotSegments(directory + ref);
}
