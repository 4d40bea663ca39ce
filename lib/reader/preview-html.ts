import { html, type SafeHtml } from "@/lib/html/template";
import { articleBody } from "@/lib/reader/article-html";
import type { ReaderStory } from "@/lib/reader/reader-story";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";

// A story's preview (lib/stories/preview-link.ts): the article exactly as readers will see it,
// under a banner saying it is not published. No canonical address, feeds or structured data: it
// is nothing a search engine or a link preview should take for the story.

export function previewHead(): SafeHtml {
  return html`<meta name="robots" content="noindex, nofollow"/>`;
}

export function previewBody(story: ReaderStory, expires: Date): SafeHtml {
  return html`<p class="mb-6 rounded border-2 border-amber-500 bg-amber-50 px-4 py-2 text-sm text-amber-950" role="note" data-testid="preview-banner"><strong>Preview:</strong> not published. This is how the story will read; this link works until ${formatNewsroomTime(
    expires.toISOString(),
  )}.</p>${articleBody(story)}`;
}
