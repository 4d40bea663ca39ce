import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const debianChromium = "/usr/bin/chromium";

// Run by `npm test`, which builds and starts the app and sets DATELINE_TEST_URL and DATABASE_URL.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/playwright",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: process.env.DATELINE_TEST_URL ?? "http://localhost:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium (apt-get install chromium); on a machine with internet,
      // `npx playwright install chromium` and CHROMIUM_PATH unset also works.
      executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync(debianChromium) ? debianChromium : undefined),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
});
