import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.ts";
import { removeTempDirs } from "./cli.ts";
import type { StaticServer } from "./static-server.ts";

// Apart from browser.ts, which tools/ and bench/ import outside vitest.
/** One Chromium for a test file, and the static servers its tests start: both closed, and the temp folders removed, after the file. */
export interface SharedChromium {
  /** The browser, once the file's `beforeAll` has run. */
  readonly browser: Browser;
  /** Servers to close after the file. */
  readonly servers: StaticServer[];
}

/** Starts Chromium before the file's tests and, after them, closes it and the servers pushed to `servers` and removes the temp folders. */
export function sharedChromium(): SharedChromium {
  let browser: Browser | undefined;
  const servers: StaticServer[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    await removeTempDirs();
  });
  return {
    get browser(): Browser {
      if (browser === undefined) throw new Error("Chromium is not started yet: use it inside a test or hook");
      return browser;
    },
    servers,
  };
}
