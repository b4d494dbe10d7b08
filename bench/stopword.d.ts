// stopword ships JavaScript without type declarations; this covers what the headline bench calls.
declare module "stopword" {
  export function removeStopwords(words: string[], stopwords?: string[]): string[];
  export const eng: string[];
}
