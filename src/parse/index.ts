export { findSeeds, listSeeds } from "./list-seeds.ts";
export { maxSeedBytes, parseSeed, type ParseResult, type SeedFile } from "./parse-seed.ts";
