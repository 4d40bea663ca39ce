"use client";

import { useEffect, useRef, useState } from "react";
import { useStoryEvents } from "@/components/admin/use-story-events";

type Other = { id: string; name: string; role: string };
/** The story's stored copy as the server has it now: its version and the draft of changes it holds. */
export type StoryOnServer = { version: number; draftSavedAt: string | null };

const EVERY_MS = 15_000;

/**
 * "Also editing: Priya (editor), …" on the story editor: checks in every 15 s while the page is
 * open (and at once when the tab comes back into view), and checks out when the page goes away.
 * The server keeps who was seen in the last 45 s; a tab closed without a word drops out after that.
 */
export function StoryPresence({ storyId, onStory }: { storyId: string; onStory?: (story: StoryOnServer) => void }) {
  const [others, setOthers] = useState<Other[]>([]);
  const onStoryRef = useRef(onStory);
  onStoryRef.current = onStory;
  const touchRef = useRef<() => Promise<void>>(async () => {});
  // Someone arrives or leaves: check in now rather than at the next 15 s.
  useStoryEvents((event) => {
    if (event.type === "presence" && event.storyId === storyId) void touchRef.current();
  }, { storyId });

  useEffect(() => {
    const url = `/api/v1/stories/${storyId}/presence`;
    let active = true;
    const touch = async () => {
      try {
        const response = await fetch(url, { method: "POST", cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { others: Other[]; story?: StoryOnServer };
        if (!active) return;
        setOthers(body.others);
        if (body.story) onStoryRef.current?.(body.story);
      } catch {
        // Offline for a moment: the next check-in tries again.
      }
    };
    // keepalive lets the request outlive the page; the session cookie and Origin go with it.
    const leave = () => void fetch(url, { method: "DELETE", keepalive: true }).catch(() => {});
    const onVisibility = () => {
      if (document.visibilityState === "visible") void touch();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void touch();
    };

    touchRef.current = touch;
    void touch();
    const timer = window.setInterval(() => void touch(), EVERY_MS);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      active = false;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", onPageShow);
      leave();
    };
  }, [storyId]);

  // The live region is always there, so screen readers announce who arrives; it takes the status
  // role only while it has something to say (the page's own notices are statuses too).
  return (
    <div aria-live="polite" aria-atomic="true" role={others.length ? "status" : undefined} data-testid="story-presence">
      {others.length ? (
        <p className="mb-4 rounded border-2 border-violet-400 bg-violet-50 px-4 py-2 font-medium text-violet-950">
          Also editing: {others.map((other) => `${other.name} (${other.role})`).join(", ")}
        </p>
      ) : null}
    </div>
  );
}
