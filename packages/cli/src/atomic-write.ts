import { randomBytes } from "node:crypto";
import { link, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./io";

/** Why a write was refused. */
export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; pass --force to overwrite it`);
    this.name = "OutputExistsError";
  }
}

/**
 * Writes a file atomically: the content goes to a temporary file beside the target, which is then
 * renamed over it, so a reader never sees half a file. An existing file is kept unless `force` is set;
 * a folder at the path is refused (a {@link UsageError}).
 *
 * @example
 * ```ts
 * await writeFileAtomic("out/report.html", html, { force: false });
 * ```
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { force: boolean }): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (found?.isDirectory()) throw new UsageError(`${path} is a folder — give the path of a file to write`);
  if (found && !options.force) throw new OutputExistsError(path);
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EEXIST") throw new UsageError(`${dirname(path)} cannot be a folder: a file stands in its path — give an --out inside a folder`);
    throw error;
  });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, content, { flag: "wx" });
    if (options.force) await rename(temp, path);
    else await publishWithoutOverwrite(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

// A hard link fails when the target exists, so a file created since the check above is still kept.
async function publishWithoutOverwrite(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new OutputExistsError(path);
    // Filesystems without hard links: fall back to the existence check already made.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    await rename(temp, path);
    return;
  }
  await rm(temp, { force: true });
}
