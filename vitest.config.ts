import { defineConfig } from "vitest/config";

// The fast lane: the stages as functions, no build, no browser (`npm run test:unit`, seconds).
const unit = ["tests/parse.test.ts", "tests/properties.test.ts", "tests/enrich.test.ts", "tests/entities.test.ts", "tests/quotes.test.ts", "tests/collect.test.ts", "tests/deploy.test.ts", "tests/perceptron.test.ts", "tests/headline.test.ts", "tests/headline-urls.test.ts"];

export default defineConfig({
  test: {
    // Integration tests build real sites with Eleventy; give them room on a shared 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Vitest's default on 2 cores is one file at a time; most of a build test's time is spent waiting for the
    // processes it starts (dateline, Pagefind, Chromium), so three files at once keep both cores busy.
    maxWorkers: 3,
    // A worker runs file after file with the modules it has loaded: importing src/ through Vite took each file ~3 s.
    // No test file leaves state behind: the current folder and the environment are put back after an in-process build
    // (tests/helpers/cli.ts), and the helpers' state is per run (shared sites) or per file (temp folders, servers).
    isolate: false,
    projects: [
      { extends: true, test: { name: "unit", include: unit } },
      // Built sites and expanded corpus seeds that several files read are made once per run (tests/helpers/shared.ts).
      { extends: true, test: { name: "build", include: ["tests/**/*.test.ts"], exclude: unit, globalSetup: ["tests/helpers/global-setup.ts"] } },
    ],
  },
});
