import { configKeys, maxPageSize, type KeyKind } from "./config-keys.ts";

const kindSchemas: Readonly<Record<KeyKind, object>> = {
  text: { type: "string", minLength: 1 },
  boolean: { type: "boolean" },
  count: { type: "integer", minimum: 1, maximum: maxPageSize },
  file: { type: "string", minLength: 1 },
  asset: { type: "string", minLength: 1 },
  assets: { type: "array", items: { type: "string", minLength: 1 } },
  links: {
    type: "array",
    items: {
      type: "object",
      properties: { text: { type: "string", minLength: 1 }, url: { type: "string", pattern: "^(/(?!/)|https?://)" } },
      required: ["text", "url"],
      additionalProperties: false,
    },
  },
  strings: { type: "object", additionalProperties: { type: "string" } },
};

/** The JSON Schema of dateline.config.yaml, made from the key table (published as schema/dateline.config.schema.json). */
function configSchema(): object {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "dateline.config.yaml",
    description: "The configuration of a Dateline site project; command-line flags override it.",
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(
      Object.entries(configKeys).map(([key, spec]) => [
        key,
        {
          description: spec.description,
          ...kindSchemas[spec.kind],
          ...("format" in spec ? { format: spec.format } : {}),
          ...("example" in spec ? { examples: [spec.example] } : {}),
        },
      ]),
    ),
  };
}

/** The schema file's text: what `npm run schema` writes and a test compares with the committed file. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}
