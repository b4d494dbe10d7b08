import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration tests build real sites with Eleventy; give them room on a shared 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
