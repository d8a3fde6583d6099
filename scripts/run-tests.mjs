#!/usr/bin/env node
// The one test command (`make test`): lint, type-check, unit + end-to-end tests, rule tests.
// Each step runs even when an earlier one failed, so one run shows every problem; the last
// line is the total `N passed, N failed` that CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

mkdirSync("build", { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;

/** A step is one command; `count` turns its outcome into passed/failed figures. */
const steps = [
  { name: "lint (biome)", cmd: [bin("biome"), "check", "."] },
  { name: "type-check (tsc)", cmd: [bin("tsc"), "--noEmit", "-p", "tsconfig.json"] },
  {
    name: "unit and end-to-end tests (jest)",
    cmd: [bin("jest"), "--json", "--outputFile=build/jest-results.json"],
    count: () => {
      if (!existsSync("build/jest-results.json")) return undefined;
      const r = JSON.parse(readFileSync("build/jest-results.json", "utf8"));
      // a suite that fails to load has no tests; count it as one failure
      const broken = r.testResults.filter(
        (s) => s.status === "failed" && s.assertionResults.length === 0,
      ).length;
      return { passed: r.numPassedTests, failed: r.numFailedTests + broken };
    },
  },
];
if (existsSync("scripts/streamalert.ts")) {
  steps.push({
    name: "rule tests (streamalert test rules)",
    cmd: [bin("tsx"), "scripts/streamalert.ts", "test", "rules"],
    countFromOutput: true,
  });
}

let passed = 0;
let failed = 0;
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd.join(" ")}`);
  const res = spawnSync(step.cmd[0], step.cmd.slice(1), {
    stdio: step.countFromOutput ? ["inherit", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  let figures = step.count?.();
  if (step.countFromOutput) {
    process.stdout.write(res.stdout ?? "");
    const m = /(\d+) passed, (\d+) failed\s*$/.exec(res.stdout ?? "");
    if (m) figures = { passed: Number(m[1]), failed: Number(m[2]) };
  }
  if (!figures) figures = res.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  if (res.status !== 0 && figures.failed === 0) figures.failed = 1;
  passed += figures.passed;
  failed += figures.failed;
  console.log(`=== ${step.name}: ${res.status === 0 ? "ok" : `FAILED (exit ${res.status})`}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
