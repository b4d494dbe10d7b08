import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

/** A static site served on 127.0.0.1, as any static host would serve it. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT` plus the prefix, ending with `/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` under `prefix` (e.g. `/news/`); misses get the site's own `404.html`. */
export async function serveStatic(dir: string, prefix = "/"): Promise<StaticServer> {
  const files = sirv(dir, { dev: true });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(prefix)) {
      response.writeHead(404).end("Not under the path prefix");
      return;
    }
    request.url = `/${url.slice(prefix.length)}`;
    files(request, response, () => {
      readFile(path.join(dir, "404.html")).then(
        (page) => response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(page),
        () => response.writeHead(404).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
