import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

// Unit tests sit beside the code; HTTP integration tests live in e2e/api and need the server
// that `npm test` starts (BASE_URL); resilience tests (e2e/resilience) start app instances of their
// own on the build `npm test` made. Playwright's e2e/*.spec.ts are not vitest's.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React's server build; tests run lib code directly.
      "server-only": path.join(root, "scripts/support/empty-module.ts"),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.tsx"], environment: "node", sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: "integration", include: ["e2e/api/**/*.test.ts"], exclude: ["e2e/api/**/*.isolated.test.ts"], environment: "node", testTimeout: 30_000, hookTimeout: 60_000, sequence: { groupOrder: 0 } },
      },
      // Tests that count every row of a table (the fuzz test) run once the others are done.
      { extends: true, test: { name: "isolated", include: ["e2e/api/**/*.isolated.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 60_000, sequence: { groupOrder: 1 } } },
      // Whole app instances started, loaded, signalled and killed as an operator would (e2e/fixtures/app-process.ts):
      // heavy, so one file at a time, after everything else (scripts/test.ts).
      { extends: true, test: { name: "resilience", include: ["e2e/resilience/**/*.test.ts"], environment: "node", fileParallelism: false, testTimeout: 300_000, hookTimeout: 180_000 } },
    ],
  },
});
