interface Promised {
  readonly input: Promise<string | undefined>;
  readonly resolve: (input: string | undefined) => void;
  readonly reject: (cause: Error) => void;
}

/**
 * What a shard's indexer is handed of its pages rather than reading their files: Pagefind's input for pages rendered
 * before it started (`given`), and for pages `promised` (not rendered when it started) once they are, so that a shard
 * can be indexed beside the render of its last pages, and given up when it turns out not to have changed.
 */
export class HandedPages {
  readonly #given: ReadonlyMap<string, string>;
  readonly #promised = new Map<string, Promised>();
  readonly #abort = new AbortController();

  constructor(given: ReadonlyMap<string, string>, promised: Iterable<string> = []) {
    this.#given = given;
    for (const url of promised) {
      let resolve!: Promised["resolve"];
      let reject!: Promised["reject"];
      const input = new Promise<string | undefined>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      // Cancelled pages may never be asked for.
      input.catch(() => undefined);
      this.#promised.set(url, { input, resolve, reject });
    }
  }

  /** The page's input, once it is handed over if promised; undefined when its file is to be read. */
  async input(url: string): Promise<string | undefined> {
    return this.#given.get(url) ?? this.#promised.get(url)?.input;
  }

  /** Hands over a promised page: its input, or none when its file is written and can be read. */
  hand(url: string, input?: string): void {
    this.#promised.get(url)?.resolve(input);
  }

  /** Aborted by `cancel`: the indexer stops. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Gives up: every page still promised fails with `cause`, and `signal` aborts. */
  cancel(cause: Error): void {
    for (const { reject } of this.#promised.values()) reject(cause);
    this.#abort.abort(cause);
  }
}
