import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import compression from "compression";
import sirv from "sirv";

/** A static site served on 127.0.0.1, as any static host would serve it. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT` plus the prefix, ending with `/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** How to serve. */
export interface ServeOptions {
  /** Compress responses as hosts do (gzip), and let browsers cache for 5 minutes; else no-store, files read per request. */
  readonly asHost?: boolean;
  /** A fixed port (0 picks a free one). */
  readonly port?: number;
}

/** Serves `dir` under `prefix` (e.g. `/news/`); misses get the site's own `404.html`. */
export async function serveStatic(dir: string, prefix = "/", options: ServeOptions = {}): Promise<StaticServer> {
  const files = options.asHost ? sirv(dir, { etag: true, maxAge: 300 }) : sirv(dir, { dev: true });
  const compress = options.asHost ? compression() : undefined;
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
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
  };
  const server: Server = createServer((request, response) => {
    if (compress) compress(request as never, response as never, () => handle(request, response));
    else handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port that is free now, for a site that must know its URL before it is served. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
