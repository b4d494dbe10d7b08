// A worker thread of `invalidPages`: validates its share of a site's pages with html-validate (plain JavaScript, as a
// worker thread has no TypeScript loader of its own).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { HtmlValidate } from "html-validate";

const { dir, files, config } = workerData;
const validator = new HtmlValidate(config);
const messages = [];
for (const file of files) {
  const report = await validator.validateString(await readFile(path.join(dir, file), "utf8"), file);
  for (const result of report.results) {
    for (const message of result.messages) messages.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
  }
}
parentPort.postMessage(messages);
