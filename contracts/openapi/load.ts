import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve as resolvePath } from "node:path";
import $RefParser from "@apidevtools/json-schema-ref-parser";
import { ContractError } from "./errors.ts";
import { gitShow, gitTopLevel } from "./git.ts";
import { checkOpenApi, parseText, type OpenApiDoc, type OpenApiVersion } from "./parse.ts";
import { scanRefsOf } from "./ref-scan.ts";
import { Resolver } from "./resolver.ts";
import { describeSource, parseSource, type ContractSource } from "./source.ts";

export interface LoadOptions {
  /** Directory that relative paths and git revisions are taken from (default: process.cwd()). */
  cwd?: string;
  /** Follow `$ref`s into other files (never over the network). Off by default. */
  allowExternalRefs?: boolean;
}

/** An OpenAPI description ready to compare. */
export interface LoadedSpec {
  /** What the user named: `openapi.yaml`, `main:contracts/api/openapi.yaml`. */
  label: string;
  /** The file path to annotate (repository-relative for git revisions). */
  file: string;
  text: string;
  format: "json" | "yaml";
  version: OpenApiVersion;
  doc: OpenApiDoc;
  resolver: Resolver;
}

/** Loads a description from a file path or `REV:PATH`. */
export async function loadSpec(spec: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const cwd = options.cwd ?? process.cwd();
  const source = parseSource(spec, cwd);
  const { text, absPath, readExternal } = await readSource(source, cwd);
  return loadSpecText(text, {
    label: describeSource(source),
    file: source.path,
    absPath,
    allowExternalRefs: options.allowExternalRefs ?? false,
    readExternal,
  });
}

export interface TextOptions {
  label: string;
  file?: string;
  /** Absolute path the text was read from; external refs resolve relative to it. */
  absPath?: string;
  allowExternalRefs?: boolean;
  /** Reads an external file by absolute path (git sources read from the revision). */
  readExternal?: (absPath: string) => Promise<string>;
}

/** Loads a description from text already in memory (tests and the benchmark use this). */
export async function loadSpecText(text: string, options: TextOptions): Promise<LoadedSpec> {
  const { label } = options;
  const parsed = parseText(text, label);
  let { doc, version } = checkOpenApi(parsed.doc, label);
  const absPath = options.absPath ?? resolvePath(process.cwd(), options.file ?? "openapi.yaml");
  // References outside the document are refused where the comparison meets them (the resolver
  // names them; nothing is ever fetched). Only to follow files is the document searched first.
  if (options.allowExternalRefs) {
    const scan = scanRefsOf(doc, text, parsed.format);
    if (scan.remote.length > 0) throw remoteRefs(label, scan.remote);
    if (scan.external.length > 0) doc = await bundle(doc, absPath, label, options.readExternal);
  }
  const refs = await $RefParser.resolve(absPath, doc, { resolve: { external: false } });
  return {
    label,
    file: options.file ?? label,
    text,
    format: parsed.format,
    version,
    doc,
    resolver: new Resolver(refs, label, doc),
  };
}

function remoteRefs(label: string, refs: readonly string[]): ContractError {
  return new ContractError(
    "CONTRACT_REMOTE_REF",
    `${label} refers to documents on the network (${refs.slice(0, 3).join(", ")}); ` +
      "remote references are never fetched",
    "Vendor the referenced file into the repository and refer to it by relative path " +
      "(with --allow-external-refs), or inline the schema.",
  );
}

async function readSource(
  source: ContractSource,
  cwd: string,
): Promise<{ text: string; absPath: string; readExternal?: (p: string) => Promise<string> }> {
  if (source.kind === "file") {
    const absPath = isAbsolute(source.path) ? source.path : join(cwd, source.path);
    try {
      return { text: await readFile(absPath, "utf8"), absPath };
    } catch (err) {
      throw new ContractError(
        "CONTRACT_FILE_NOT_FOUND",
        `cannot read ${source.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        "Check the path, or name a git revision as REV:PATH (e.g. main:contracts/api/openapi.yaml).",
      );
    }
  }
  const top = await gitTopLevel(cwd);
  const text = await gitShow(source.rev, source.path, cwd);
  const readExternal = async (p: string): Promise<string> => {
    const rel = relative(top, p);
    if (rel.startsWith("..") || isAbsolute(rel)) {
      throw new ContractError(
        "CONTRACT_EXTERNAL_REF",
        `${describeSource(source)} refers to ${p}, outside the repository`,
        "Keep referenced files inside the repository.",
      );
    }
    return gitShow(source.rev, rel.split("\\").join("/"), cwd);
  };
  return { text, absPath: join(top, source.path), readExternal };
}

/** Pulls externally referenced files into the document so every `$ref` becomes local. */
async function bundle(
  doc: OpenApiDoc,
  absPath: string,
  label: string,
  readExternal?: (p: string) => Promise<string>,
): Promise<OpenApiDoc> {
  const resolve: Record<string, unknown> = { http: false, external: true };
  if (readExternal) {
    resolve["file"] = false;
    resolve["git"] = {
      order: 1,
      canRead: (f: { url: string }) => isAbsolute(f.url) || !/^[a-z]+:/i.test(f.url),
      read: (f: { url: string }) => readExternal(f.url),
    };
  }
  try {
    return (await $RefParser.bundle(absPath, structuredClone(doc), {
      resolve,
    } as Parameters<typeof $RefParser.bundle>[2])) as OpenApiDoc;
  } catch (err) {
    if (err instanceof ContractError) throw err;
    throw new ContractError(
      "CONTRACT_REF_NOT_FOUND",
      `${label}: an external $ref could not be followed: ${(err as Error).message}`,
      `Check the referenced files exist next to ${dirname(absPath)} and the pointers in them are right.`,
    );
  }
}
