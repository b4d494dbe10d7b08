// A worker thread of `invalidPages`: validates its share of a site's pages with html-validate (plain JavaScript, as a
// worker thread has no TypeScript loader of its own).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { HtmlValidate, StaticConfigLoader } from "html-validate";

/**
 * The configuration resolved once for every page: html-validate resolves it again for each file it is given, which
 * rebuilds its table of HTML elements and took two thirds of the time of a page. Every page here has the same one.
 */
class ResolvedOnce extends StaticConfigLoader {
  resolved;
  getConfigFor(handle, override) {
    return (this.resolved ??= super.getConfigFor(handle, override));
  }
}

const { dir, files, config } = workerData;
const validator = new HtmlValidate(new ResolvedOnce(config));
const messages = [];
for (const file of files) {
  const report = await validator.validateString(await readFile(path.join(dir, file), "utf8"), file);
  for (const result of report.results) {
    for (const message of result.messages) messages.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
  }
}
parentPort.postMessage(messages);
