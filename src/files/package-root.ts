import path from "node:path";
import { fileURLToPath } from "node:url";

// Where the package is from a module of the compiled bundle (bin/compiled.js defines it), four folders down in
// `node_modules/.cache/dateline/bundle-<hash>/`; from a module of src/files/, two.
declare const DATELINE_ROOT_FROM_BUNDLE: string | undefined;

/** Dateline's own folder, where `package.json`, `templates/` and `.eleventy.js` live. */
export const packageRoot = fileURLToPath(new URL(typeof DATELINE_ROOT_FROM_BUNDLE === "string" ? DATELINE_ROOT_FROM_BUNDLE : "../../", import.meta.url));

/** The templates Eleventy renders the site from. */
export const templatesDir = path.join(packageRoot, "templates");
