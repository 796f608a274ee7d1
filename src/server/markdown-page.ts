// Renders a knowledge document as a small, safe HTML page (citation links from the widget open it).
// Line patterns have bounded repetition, so a long or odd line renders in linear time.

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** Converts the subset of Markdown our knowledge uses (headings, lists, tables, paragraphs) to HTML. */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  let list = false;
  let table = false;
  const close = (): void => {
    if (list) out.push("</ul>");
    if (table) out.push("</table>");
    list = false;
    table = false;
  };
  for (const raw of markdown.split("\n")) {
    const line = raw.trim();
    const hashes = /^#{1,4}\s/.exec(line);
    if (hashes) {
      close();
      const level = Math.min(4, hashes[0].length);
      out.push(`<h${level}>${inline(line.slice(hashes[0].length - 1).trimStart())}</h${level}>`);
    } else if (/^[-*]\s+/.test(line)) {
      if (!list) {
        close();
        out.push("<ul>");
        list = true;
      }
      out.push(`<li>${inline(line.replace(/^[-*]\s+/, ""))}</li>`);
    } else if (line.startsWith("|")) {
      if (/^\|?\s*:?-{3,}/.test(line)) continue;
      if (!table) {
        close();
        out.push("<table>");
        table = true;
      }
      const cells = line
        .split("|")
        .slice(1, -1)
        .map((c) => `<td>${inline(c.trim())}</td>`);
      out.push(`<tr>${cells.join("")}</tr>`);
    } else if (line === "") {
      close();
    } else {
      close();
      out.push(`<p>${inline(line)}</p>`);
    }
  }
  close();
  return out.join("\n");
}

/** A full HTML page for one document. */
export function renderMarkdownPage(doc: {
  docId: string;
  title: string;
  version: string;
  locale: string;
  markdown: string;
}): string {
  return `<!doctype html><html lang="${escapeHtml(doc.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)} · Harbor Bank</title>
<link rel="stylesheet" href="/assets/kb.css">
</head><body><p class="meta">Harbor Bank help · ${escapeHtml(doc.docId)} · version ${escapeHtml(doc.version)}</p><h1>${escapeHtml(doc.title)}</h1>
${markdownToHtml(doc.markdown)}</body></html>`;
}
