export { findSeeds, listSeeds } from "./list-seeds.ts";
export { parseSeed, type ParseResult, type SeedFile } from "./parse-seed.ts";
