import { fileURLToPath } from "node:url";

/** Dateline's own folder, where `package.json`, `templates/` and `.eleventy.js` live. */
export const packageRoot = fileURLToPath(new URL("../", import.meta.url));
