import { inline } from "./markdown.ts";

/** An issue or pull request as GitHub names it: `acme/api#3`, linked when the URL is known. */
export interface IssueRef {
  repo: string;
  number: number;
  url?: string;
}

export function issueRef(ref: IssueRef): string {
  const text = `${ref.repo}#${ref.number}`;
  return ref.url === undefined ? text : `[${text}](${ref.url})`;
}

/** A markdown link whose text cannot break out of the brackets. */
export function link(text: string, url: string): string {
  return `[${inline(text).replace(/[[\]]/g, "\\$&")}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}
