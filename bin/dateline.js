#!/usr/bin/env node
// Dateline is written in TypeScript and run through tsx, so there is no compiled copy to drift.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
