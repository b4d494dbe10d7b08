import { existsSync } from "node:fs";
import path from "node:path";
import { root } from "./cli.ts";

/** The real-world corpus beside the repository (shared/corpus); DATELINE_CORPUS overrides. */
export const corpus = process.env["DATELINE_CORPUS"] ?? path.join(root, "..", "shared", "corpus");

/**
 * Whether the corpus tests run: when the corpus is there, and always where DATELINE_REQUIRE_CORPUS
 * is set (our CI), so that a missing corpus fails there instead of passing unnoticed.
 */
export const corpusTests = existsSync(path.join(corpus, "expand")) || process.env["DATELINE_REQUIRE_CORPUS"] !== undefined;
