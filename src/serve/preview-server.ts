import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { contentType } from "./content-types.ts";
import { reloadEventsPath, reloadScript, reloadScriptPath, withReloadScript } from "./reload-client.ts";

/** Where and what the preview server serves. */
export interface PreviewServerOptions {
  /** The built site's folder. */
  readonly root: string;
  /** The site's path prefix, `/` or `/archive/`: the site is served below it, as a host would. */
  readonly pathPrefix: string;
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
}

/** A running preview server. */
export interface PreviewServer {
  /** The site's address, path prefix included. */
  readonly url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * Serves a built site over HTTP as a static host does (a folder's URL serves its `index.html`, a missing page
 * `404.html` with status 404, the path prefix), with nothing cached, and adds the reload script to every HTML
 * response on the way out (never to the files). Pages reload through Server-Sent Events.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const root = path.resolve(options.root);
  const clients = new Set<ServerResponse>();
  let builds = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((cause: unknown) => {
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", `Internal error: ${cause instanceof Error ? cause.message : String(cause)}\n`);
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      return send(response, 405, "text/plain; charset=utf-8", "Method not allowed\n");
    }
    // Prefixed rather than resolved against a base: `//host/x` would be read as another host's URL.
    const url = new URL(`http://preview${request.url ?? "/"}`);
    if (url.pathname === reloadScriptPath) return send(response, 200, contentType(reloadScriptPath), reloadScript, request);
    if (url.pathname === reloadEventsPath) return listen(response);
    const prefix = options.pathPrefix;
    if (!url.pathname.startsWith(prefix)) {
      if (url.pathname === "/" || `${url.pathname}/` === prefix) return redirect(response, prefix);
      return notFound(request, response);
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return send(response, 400, "text/plain; charset=utf-8", "Bad request: the path is not valid percent-encoding\n");
    }
    const file = path.join(root, relative);
    // `path.join` has resolved any `..`: whatever is left must still be inside the site.
    if (relative.includes("\0") || (file !== root && !file.startsWith(`${root}${path.sep}`))) return notFound(request, response);
    const found = await stat(file).catch(() => undefined);
    if (found?.isDirectory()) {
      if (!url.pathname.endsWith("/")) return redirect(response, `${url.pathname}/${url.search}`);
      return serveFile(request, response, path.join(file, "index.html"), 200);
    }
    if (found?.isFile()) return serveFile(request, response, file, 200, found.size);
    return notFound(request, response);
  }

  // `known`: the file's size, when the caller has it already.
  async function serveFile(request: IncomingMessage, response: ServerResponse, file: string, status: number, known?: number): Promise<void> {
    const type = contentType(file);
    if (type.startsWith("text/html")) {
      const html = await readFile(file, "utf8").catch(() => undefined);
      if (html === undefined) return status === 404 ? noSite(request, response) : notFound(request, response);
      return send(response, status, type, withReloadScript(html), request);
    }
    const size = known ?? (await stat(file).catch(() => undefined))?.size;
    if (size === undefined) return notFound(request, response);
    response.writeHead(status, { ...headers(type), "Content-Length": size });
    if (request.method === "HEAD") return void response.end();
    // A file replaced by the next build while it is read is read to its end: its old inode stays readable.
    createReadStream(file).on("error", () => response.destroy()).pipe(response);
  }

  function notFound(request: IncomingMessage, response: ServerResponse): Promise<void> {
    return serveFile(request, response, path.join(root, "404.html"), 404);
  }

  // Before the first build is done, or when the site has no 404 page: a page that waits for the build.
  function noSite(request: IncomingMessage, response: ServerResponse): void {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not built yet</title></head><body><p>Nothing here yet: the site is being built, or its build failed (the terminal says why). This page reloads when a build is done.</p></body></html>`;
    send(response, 404, contentType("404.html"), withReloadScript(page), request);
  }

  function listen(response: ServerResponse): void {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive" });
    // A comment first, so that the browser knows the stream is open.
    response.write(`: build ${builds}\n\n`);
    clients.add(response);
    response.on("close", () => clients.delete(response));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}${options.pathPrefix}`,
    reload() {
      builds++;
      for (const client of clients) client.write(`event: reload\ndata: ${builds}\n\n`);
    },
    close() {
      for (const client of clients) client.end();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function headers(type: string): Record<string, string> {
  // Nothing cached: a page, a stylesheet or the search index must be the last build's on every load.
  return { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
}

function send(response: ServerResponse, status: number, type: string, body: string, request?: IncomingMessage): void {
  response.writeHead(status, { ...headers(type), "Content-Length": Buffer.byteLength(body) });
  response.end(request?.method === "HEAD" ? undefined : body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, "Cache-Control": "no-store" });
  response.end();
}
