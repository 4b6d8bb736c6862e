import type { AppManifest } from "./manifest.ts";

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 42rem; margin: 3rem auto; line-height: 1.5">
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

/** The page that posts the manifest to GitHub (the person names and creates the App there). */
export function registerPage(opts: {
  manifest: AppManifest;
  action: string;
  owner: string;
}): string {
  const { manifest } = opts;
  const permissions = Object.entries(manifest.default_permissions)
    .map(([k, v]) => `<li><code>${escapeHtml(k)}</code>: ${escapeHtml(v)}</li>`)
    .join("");
  return page(
    `Register ${manifest.name}`,
    `<p>This registers a private GitHub App for <strong>${escapeHtml(opts.owner)}</strong> from
HavunCore's <code>app.yml</code>. Webhooks go to <code>${escapeHtml(manifest.hook_attributes.url)}</code>.</p>
<ul>${permissions}</ul>
<p>Events: ${manifest.default_events.map((e) => `<code>${escapeHtml(e)}</code>`).join(", ")}</p>
<form method="post" action="${escapeHtml(opts.action)}">
<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(manifest))}">
<button type="submit">Register the App on GitHub</button>
</form>`,
  );
}

/** A page that says what went wrong and what to do. */
export function problemPage(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`);
}
