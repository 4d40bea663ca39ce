"use client";

import type { JSX } from "react";
import { prepublishChecklist, type ChecklistState, type ChecklistStory, type PublishRules } from "@/lib/stories/prepublish-checklist";

const marks: Record<ChecklistState, { sign: string; words: string; className: string }> = {
  ok: { sign: "✓", words: "Done", className: "text-emerald-800" },
  warn: { sign: "!", words: "Check", className: "text-amber-900" },
  block: { sign: "✕", words: "Required", className: "text-red-800" },
};

/**
 * The pre-publish checklist for the story as typed: pass the form's current values (the page
 * passes the newsroom's rules from publishSettings() and its zone). It fetches nothing; the server
 * checks again when the story is published (lib/stories/assert-publishable.ts).
 */
export function PrepublishChecklist(props: { story: ChecklistStory; rules: PublishRules; timeZone: string }): JSX.Element {
  const items = prepublishChecklist(props.story, props.rules, { timeZone: props.timeZone });
  const blocking = items.filter((item) => item.state === "block").length;
  const warnings = items.filter((item) => item.state === "warn").length;
  const summary = blocking
    ? `${blocking} ${blocking === 1 ? "item stops" : "items stop"} publishing`
    : warnings
      ? `Ready to publish, ${warnings} ${warnings === 1 ? "thing" : "things"} to check`
      : "Ready to publish";
  return (
    <section aria-labelledby="prepublish-heading" data-testid="prepublish-checklist">
      <h2 id="prepublish-heading" className="text-sm font-semibold text-slate-900">Before publishing</h2>
      <p className={`mt-1 text-xs font-medium ${blocking ? "text-red-800" : "text-slate-700"}`} aria-live="polite">{summary}</p>
      <ul className="mt-2 space-y-1 text-sm">
        {items.map((item) => {
          const mark = marks[item.state];
          return (
            <li key={item.key} className="flex gap-2" data-state={item.state} data-testid={`check-${item.key}`}>
              <span aria-hidden="true" className={`w-4 shrink-0 text-center font-bold ${mark.className}`}>{mark.sign}</span>
              <span>
                <span className="font-medium">{item.label}</span>
                <span className="sr-only"> ({mark.words})</span>: <span className={item.state === "ok" ? "text-slate-700" : mark.className}>{item.message}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
