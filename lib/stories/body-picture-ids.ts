// A stored body shows a picture as `<figure data-media="{id}"></figure>` (lib/stories/sanitize-body.ts
// keeps nothing else of a figure). Here without the sanitiser, so the editor's bundle can read it too.

/** A figure's opening tag (with the picture's id) or its closing tag. */
export const FIGURE_TAGS = /<figure data-media="([0-9a-f-]{36})">|<\/figure>/g;

/** The pictures a body shows, by id, in order (each once). */
export function bodyPictureIds(html: string): string[] {
  return [...new Set([...html.matchAll(FIGURE_TAGS)].flatMap((match) => (match[1] ? [match[1]] : [])))];
}
