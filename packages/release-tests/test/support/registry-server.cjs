// A local npm registry for the release test: verdaccio, run programmatically on 127.0.0.1 with a port the
// system picks, served under a path of its own (`/<prefix>/`) so nothing npm cached from an earlier run on
// the same port can stand in for this run's packages.
//
//   node registry-server.cjs <verdaccio module path> <config.yaml> <prefix> <lifetime ms>
//
// Prints one line `{"cohesionRegistry":{"port":<port>}}` once it listens. Exits when its standard input
// closes (the test process is gone) or after <lifetime ms>, whichever comes first, so it never outlives the
// test that started it.
"use strict";

const [verdaccioPath, configPath, prefix, lifetime] = process.argv.slice(2);
if (!verdaccioPath || !configPath || !prefix || !lifetime) {
  console.error("usage: node registry-server.cjs <verdaccio module path> <config.yaml> <prefix> <lifetime ms>");
  process.exit(2);
}

const mount = `/${prefix}`;
setTimeout(() => {
  console.error(`registry-server: lifetime of ${lifetime} ms is over, stopping`);
  process.exit(0);
}, Number(lifetime)).unref();
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();

require(verdaccioPath)
  .runServer(configPath)
  .then((server) => {
    // runServer gives an http.Server whose request listener is verdaccio's app: mount it under the prefix.
    const [app] = server.listeners("request");
    if (typeof app !== "function") throw new Error("verdaccio's server has no request handler");
    server.removeAllListeners("request");
    server.on("request", (req, res) => {
      const url = req.url ?? "/";
      if (url === mount || url.startsWith(`${mount}/`) || url.startsWith(`${mount}?`)) {
        req.url = url.slice(mount.length) || "/";
        if (!req.url.startsWith("/")) req.url = `/${req.url}`;
        app(req, res);
        return;
      }
      res.statusCode = 404;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ error: `this registry is served under ${mount}/` }));
    });
    server.on("error", (error) => {
      console.error(`registry-server: ${error.message}`);
      process.exit(1);
    });
    server.listen(0, "127.0.0.1", () => {
      process.stdout.write(`${JSON.stringify({ cohesionRegistry: { port: server.address().port } })}\n`);
    });
  })
  .catch((error) => {
    console.error(`registry-server: verdaccio did not start: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  });
