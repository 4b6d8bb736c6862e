/** A markdown link, or the bare text when there is no address. */
export function link(text: string, url: string | null | undefined): string {
  return url ? `[${text}](${url})` : text;
}
