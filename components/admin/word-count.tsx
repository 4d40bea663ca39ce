"use client";

import type { JSX } from "react";
import { formatStoryLength, storyLength } from "@/lib/stories/word-count";

/** "412 words · 2,318 characters · 2 min read" for the story as typed (headline, standfirst and body HTML). */
export function WordCount(props: { headline: string; standfirst: string; body: string; className?: string }): JSX.Element {
  const { headline, standfirst, body, className } = props;
  return (
    // The server's and the browser's segmenters (their ICU versions) may count a word differently:
    // the browser's count stands, without a hydration error.
    <p className={className ?? "text-xs text-slate-700"} data-testid="word-count" suppressHydrationWarning>
      {formatStoryLength(storyLength({ headline, standfirst, body }))}
    </p>
  );
}
