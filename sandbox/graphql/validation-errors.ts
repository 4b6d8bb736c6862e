import type { DocumentNode, GraphQLError } from "graphql";
import { staticPath } from "./error-path.ts";

export interface GithubErrorEntry {
  type?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
  locations?: { line: number; column: number }[];
  message: string;
}

type Rewrite = (m: RegExpExecArray) => { message: string; extensions: Record<string, unknown> };

/** graphql-js's wording → GitHub's (graphql-ruby's) message and `extensions.code`. */
const rewrites: [RegExp, Rewrite][] = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"\./,
    (m) => ({
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    }),
  ],
  [
    /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./,
    (m) => ({
      message: `Field '${m[2]}' doesn't accept argument '${m[1]}'`,
      extensions: {
        code: "argumentNotAccepted",
        name: m[2],
        typeName: "Field",
        argumentName: m[1],
      },
    }),
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type ".+" is required, but it was not provided\./,
    (m) => ({
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      extensions: {
        code: "missingRequiredArguments",
        className: "Field",
        name: m[1],
        arguments: m[2],
      },
    }),
  ],
  [
    /^Field "(\w+)" of type "(.+)" must have a selection of subfields\./,
    (m) => ({
      message: `Field must have selections (field '${m[1]}' returns ${bare(m[2])} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: bare(m[2]) },
    }),
  ],
  [
    /^Field "(\w+)" must not have a selection since type "(.+)" has no subfields\./,
    (m) => ({
      message: `Selections can't be made on scalars (field '${m[1]}' returns ${bare(m[2])} but has selections)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${m[1]}'`, typeName: bare(m[2]) },
    }),
  ],
  [
    /^Unknown type "(\w+)"\./,
    (m) => ({
      message: `No such type ${m[1]}, so it can't be a fragment condition`,
      extensions: { code: "undefinedType", typeName: m[1] },
    }),
  ],
];

function bare(typeString: string | undefined): string {
  return (typeString ?? "").replace(/[[\]!]/g, "");
}

/** A validation error as GitHub answers it: `{path, extensions: {code, …}, locations, message}`. */
export function githubValidationError(
  error: GraphQLError,
  document: DocumentNode,
): GithubErrorEntry {
  const entry: Omit<GithubErrorEntry, "message"> = {};
  const path = staticPath(document, error.nodes?.[0]);
  if (path) entry.path = path;
  let message = error.message;
  for (const [pattern, rewrite] of rewrites) {
    const m = pattern.exec(error.message);
    if (!m) continue;
    const github = rewrite(m);
    message = github.message;
    entry.extensions = github.extensions;
    break;
  }
  if (error.locations)
    entry.locations = error.locations.map(({ line, column }) => ({ line, column }));
  return { ...entry, message }; // GitHub's key order: path, extensions, locations, message
}

/** A syntax error: GitHub says `Parse error on "}" (RCURLY) at [1, 5]`; the sandbox keeps graphql-js's detail. */
export function githubParseError(error: GraphQLError): GithubErrorEntry {
  const at = error.locations?.[0];
  const detail = error.message.replace(/^Syntax Error: /, "");
  const entry: GithubErrorEntry = {
    message: at ? `Parse error at [${at.line}, ${at.column}]: ${detail}` : `Parse error: ${detail}`,
  };
  if (error.locations)
    entry.locations = error.locations.map(({ line, column }) => ({ line, column }));
  return entry;
}
