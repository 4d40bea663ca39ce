"use client";

import type { JSX } from "react";
import { Node, NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { usePictures } from "@/components/media/picture-store";
import { NeedsAltMarker } from "@/components/media/picture-card";
import { needsAlt, renditionFor } from "@/components/media/picture-renditions";

/**
 * A picture in the body: `<figure data-media="{id}"></figure>`, exactly what the sanitiser keeps
 * (lib/stories/sanitize-body.ts) and reader pages fill with the picture, its caption and credit.
 * One block the editor moves or deletes whole; it shows the picture as the library holds it.
 */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      media: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute("data-media"),
        renderHTML: (attributes: { media: string | null }) => ({ "data-media": attributes.media }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "figure[data-media]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes];
  },
  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },
});

function FigureView({ node, selected, deleteNode, editor }: ReactNodeViewProps): JSX.Element {
  const id = node.attrs.media as string;
  const entry = usePictures([id]).get(id);
  const picture = entry?.picture ?? null;
  const problem = entry?.problem ?? null;

  const shown = picture ? renditionFor(picture, "original", { minWidth: 400 }) : null;
  const credit = picture ? [picture.byline, picture.credit].filter(Boolean).join(" / ") : "";
  return (
    <NodeViewWrapper
      as="figure"
      data-testid="body-figure"
      data-media={id}
      contentEditable={false}
      className={`not-prose my-4 flex gap-3 rounded border bg-slate-50 p-2 text-sm ${selected ? "border-sky-600 ring-2 ring-sky-600" : "border-slate-300"}`}
    >
      {shown ? <img src={shown.url} width={shown.width} height={shown.height} alt="" className="h-auto w-40 shrink-0 rounded bg-slate-200" draggable={false} /> : null}
      <figcaption className="min-w-0 flex-1 space-y-1 text-slate-800">
        {picture ? (
          <>
            <span className="block line-clamp-3">{picture.caption || <span className="text-slate-500">No caption.</span>}</span>
            {credit ? <span className="block text-xs text-slate-600">{credit}</span> : null}
            {needsAlt(picture) ? <NeedsAltMarker /> : <span className="block text-xs text-slate-600">Alt text: {picture.alt}</span>}
          </>
        ) : (
          <span className={problem ? "text-red-700" : "text-slate-600"}>{problem ?? "Loading the picture…"}</span>
        )}
        <span className="flex flex-wrap gap-3 pt-1">
          <a href={`/admin/media/${encodeURIComponent(id)}`} target="_blank" rel="noopener" className="underline">
            Edit in the library<span className="sr-only"> (opens in a new tab)</span>
          </a>
          {editor.isEditable ? (
            <button type="button" className="underline" onClick={() => deleteNode()}>
              Remove picture
            </button>
          ) : null}
        </span>
      </figcaption>
    </NodeViewWrapper>
  );
}
