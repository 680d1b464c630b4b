import { run } from "./main";

// A reader that stops early (`cohesion validate big.ndjson | head`) closes the pipe. Writing on is pointless
// and Node would die of the unhandled error with a stack trace, so the command ends quietly as command-line
// tools do: with its own exit code when it had finished, else 141 (128 + SIGPIPE), the code a shell gives a
// program stopped by a closed pipe. Any other write failure (a full disk behind a redirect) is said once.
let finished: number | undefined;
for (const [name, stream] of [["standard output", process.stdout], ["standard error", process.stderr]] as const) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && stream === process.stdout) {
      process.stderr.write(`cohesion: cannot write to ${name} (${error.code ?? error.message})\n`);
    }
    process.exit(error.code === "EPIPE" ? (finished ?? 141) : 2);
  });
}

// The binary only wires the process to `run`; everything testable lives there.
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env }).then(
  (code) => {
    finished = code;
    process.exitCode = code;
    // A plugin's timer or open handle must not keep a finished command alive: once both streams have
    // flushed what was written (a pipe may still hold it), exit; unref'd, the timer fires only when
    // something else still holds the process open.
    let pending = 2;
    const flushed = () => {
      if (--pending === 0) setTimeout(() => process.exit(code), 50).unref();
    };
    process.stdout.write("", flushed);
    process.stderr.write("", flushed);
  },
  (error: unknown) => {
    process.stderr.write(`cohesion: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
