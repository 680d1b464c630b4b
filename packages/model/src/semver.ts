const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/u;

/**
 * Compares two MAJOR.MINOR.PATCH versions numerically (so 1.10.0 is after 1.9.0). Strings that
 * are not such versions sort before every version, and among themselves by plain string order,
 * so sorting never throws.
 *
 * @example
 * ```ts
 * ["1.10.0", "1.9.0", "1.0.0"].sort(compareVersions); // ["1.0.0", "1.9.0", "1.10.0"]
 * ```
 */
export function compareVersions(a: string, b: string): number {
  const left = SEMVER.exec(a);
  const right = SEMVER.exec(b);
  if (!left || !right) {
    if (left) return 1;
    if (right) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  for (let part = 1; part <= 3; part += 1) {
    // Compare by length first: numbers of any size, no precision loss.
    const x = left[part] ?? "0";
    const y = right[part] ?? "0";
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
