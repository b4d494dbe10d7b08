// Eleventy 3 and its RSS plugin ship JavaScript without type declarations; these cover what we call.
declare module "@11ty/eleventy" {
  export const HtmlBasePlugin: unknown;
  export default class Eleventy {
    constructor(input: string, output: string, options?: Record<string, unknown>);
    write(): Promise<unknown[]>;
    /** Renders every page, transforms included, and writes nothing (nor copies the passthrough files). */
    toJSON(): Promise<unknown[]>;
    disableLogger(): void;
  }
}
declare module "@11ty/eleventy-plugin-rss" {
  export function dateToRfc3339(date: Date): string;
}
