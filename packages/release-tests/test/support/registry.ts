import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT, killGroup } from "./workspace";

const SERVER_SCRIPT = fileURLToPath(new URL("./registry-server.cjs", import.meta.url));

/** A verdaccio registry running on 127.0.0.1 for one test file. */
export interface LocalRegistry {
  /** The registry address, ending in `/`, e.g. `http://127.0.0.1:40123/r-1a2b3c/`. */
  readonly url: string;
  /** npm's key for this registry's credentials: `//127.0.0.1:<port>/<prefix>/`. */
  readonly nerfDart: string;
  readonly storage: string;
  /** Creates a user and returns the token npm should send (`<nerfDart>:_authToken=<token>`). */
  addUser(name: string, password: string): Promise<string>;
  /** Everything the registry has printed so far, for failure messages. */
  output(): string;
  /** Stops the registry; safe to call twice, waits until the process is gone. */
  stop(): Promise<void>;
}

/** Options of {@link startRegistry}. */
export interface StartRegistryOptions {
  /** Where the config, storage and users go; the caller removes it. */
  readonly dir: string;
  /** How long verdaccio may take to answer its ping. */
  readonly startTimeoutMs: number;
  /** A hard limit on the registry's life, in case the test process cannot stop it: far beyond the journey's longest run on a loaded machine (about 17 minutes). */
  readonly lifetimeMs: number;
  /** A storage folder of an earlier registry to start from (copied, never written), e.g. the previous release's. */
  readonly seed?: string;
}

/**
 * The registry's config: `@cohesion/*` lives here only (no uplink, so the release test can never read or
 * write a real @cohesion package), anyone may read it and a user created with {@link LocalRegistry.addUser}
 * may publish it, so a release that does not pass its token on fails; anything else is proxied to the
 * public registry, so a consumer pointed at this registry alone still resolves ajv, zod and the rest.
 */
function configYaml(dir: string): string {
  return [
    `storage: ${JSON.stringify(join(dir, "storage"))}`,
    "auth:",
    "  htpasswd:",
    `    file: ${JSON.stringify(join(dir, "htpasswd"))}`,
    "    max_users: 100",
    "uplinks:",
    "  npmjs:",
    "    url: https://registry.npmjs.org/",
    "    timeout: 30s",
    "packages:",
    "  '@cohesion/*':",
    "    access: $all",
    "    publish: $authenticated",
    "    unpublish: $authenticated",
    "  '**':",
    "    access: $all",
    "    publish: $authenticated",
    "    proxy: npmjs",
    "max_body_size: 200mb",
    "web:",
    "  enable: false",
    "log: { type: stdout, format: pretty, level: warn }",
    "",
  ].join("\n");
}

/**
 * Starts verdaccio in a child process on 127.0.0.1 with a port the system picks and waits until it
 * answers `/-/ping`. Rejects, saying why and with verdaccio's output, if it exits or does not answer in
 * time; the child is killed in that case.
 */
export async function startRegistry(options: StartRegistryOptions): Promise<LocalRegistry> {
  let verdaccio: string;
  try {
    verdaccio = createRequire(join(REPO_ROOT, "package.json")).resolve("verdaccio");
  } catch {
    throw new Error("verdaccio is not installed (it is a root devDependency): run `npm ci` at the repository root.");
  }
  if (options.seed !== undefined) cpSync(options.seed, join(options.dir, "storage"), { recursive: true });
  mkdirSync(join(options.dir, "storage"), { recursive: true });
  const configPath = join(options.dir, "config.yaml");
  writeFileSync(configPath, configYaml(options.dir));
  const prefix = `r-${randomBytes(6).toString("hex")}`;

  const child: ChildProcess = spawn(process.execPath, [SERVER_SCRIPT, verdaccio, configPath, prefix, String(options.lifetimeMs)], {
    cwd: options.dir,
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const stop = async (): Promise<void> => {
    if (!running) return;
    child.stdin?.end();
    killGroup(child.pid);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  };

  const fail = async (why: string): Promise<never> => {
    await stop();
    throw new Error(`The local registry (verdaccio) could not start: ${why}\n--- verdaccio output ---\n${log.trim() || "(none)"}`);
  };

  const deadline = Date.now() + options.startTimeoutMs;
  let port: number | undefined;
  while (port === undefined) {
    const match = /\{"cohesionRegistry":\{"port":(\d+)\}\}/.exec(log);
    if (match?.[1] !== undefined) port = Number(match[1]);
    else if (!running) return fail(`the process exited (code ${child.exitCode ?? child.signalCode}) before listening.`);
    else if (Date.now() > deadline) return fail(`it did not listen within ${options.startTimeoutMs} ms.`);
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const url = `http://127.0.0.1:${port}/${prefix}/`;
  let lastError = "";
  for (;;) {
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
      lastError = `GET ${url}-/ping answered ${response.status}`;
    } catch (error) {
      lastError = `GET ${url}-/ping failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!running) return fail(`the process exited (code ${child.exitCode ?? child.signalCode}); ${lastError}.`);
    if (Date.now() > deadline) return fail(`it did not answer within ${options.startTimeoutMs} ms; ${lastError}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    nerfDart: `//127.0.0.1:${port}/${prefix}/`,
    storage: join(options.dir, "storage"),
    output: () => log,
    stop,
    async addUser(name, password) {
      const response = await fetch(`${url}-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, password, type: "user", roles: [] }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
      if (!response.ok || typeof body.token !== "string") {
        throw new Error(`The local registry refused to create user "${name}": ${response.status} ${body.error ?? JSON.stringify(body)}`);
      }
      return body.token;
    },
  };
}

/** npm talks to a registry on this machine: fail fast instead of retrying for minutes. */
export const NPM_ENV = {
  npm_config_fetch_retries: "1",
  npm_config_fetch_retry_mintimeout: "1000",
  npm_config_fetch_retry_maxtimeout: "5000",
  npm_config_fetch_timeout: "60000",
  npm_config_audit: "false",
  npm_config_fund: "false",
};

/**
 * A registry to release to: started in `<dir>/registry` (from a copy of `seed`, a storage folder, when
 * given), with a user whose token sits in a user config of its own (`<dir>/npmrc`), so nothing of the
 * developer's npm login is read or written. The returned `env` points npm at that config.
 */
export async function startReleaseRegistry(dir: string, seed?: string): Promise<{ registry: LocalRegistry; env: NodeJS.ProcessEnv }> {
  const registry = await startRegistry({ dir: join(dir, "registry"), startTimeoutMs: 20_000, lifetimeMs: 40 * 60_000, ...(seed === undefined ? {} : { seed }) });
  const token = await registry.addUser("release-test", "release-test-password");
  const npmrc = join(dir, "npmrc");
  writeFileSync(npmrc, `${registry.nerfDart}:_authToken=${token}\n`);
  // Both spellings: under `npm test`, npm hands its own `npm_config_userconfig` down to this process.
  return { registry, env: { ...NPM_ENV, npm_config_userconfig: npmrc, NPM_CONFIG_USERCONFIG: npmrc } };
}
