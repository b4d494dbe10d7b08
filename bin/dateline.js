#!/usr/bin/env node
// @ts-check
import { cliModule } from "./compiled.js";

// Stack traces name the TypeScript source, not the bundle.
process.setSourceMapsEnabled(true);
const { main } = await import(await cliModule());
process.exitCode = await main(process.argv.slice(2));
