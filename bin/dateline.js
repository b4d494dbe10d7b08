#!/usr/bin/env node
// @ts-check
import { cliModule } from "./compiled.js";

// Stack traces name the TypeScript source, not the bundle.
process.setSourceMapsEnabled(true);
// A build's own process is started by `dateline` itself (src/cli/supervise.ts), which names the module it runs from:
// the bundle need not be found again (hashing src/ takes ~0.1 s).
const { main } = await import(process.env["DATELINE_CLI_MODULE"] ?? (await cliModule()));
process.exitCode = await main(process.argv.slice(2));
