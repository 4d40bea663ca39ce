"use client";

import { useEffect, useSyncExternalStore } from "react";
import { getPicture } from "@/components/media/list-pictures";
import type { Picture } from "@/components/media/picture-renditions";

// The pictures a page of the newsroom shows (the body's figures, the checklist's alt texts), each
// read from the library once and shared, and read again when the tab comes back into view: the
// library's tab is where their words are edited.

export type PictureEntry = { picture: Picture | null; problem: string | null };

let entries = new Map<string, PictureEntry>();
const listeners = new Set<() => void>();
const reading = new Set<string>();

function set(id: string, entry: PictureEntry) {
  entries = new Map(entries).set(id, entry);
  for (const listener of listeners) listener();
}

function read(id: string) {
  if (reading.has(id)) return;
  reading.add(id);
  getPicture(id).then(
    (picture) => set(id, { picture, problem: null }),
    (error: unknown) => set(id, { picture: entries.get(id)?.picture ?? null, problem: error instanceof Error ? error.message : "The picture could not be read from the library." }),
  ).finally(() => reading.delete(id));
}

let watching = false;
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!watching && typeof document !== "undefined") {
    watching = true;
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") for (const id of entries.keys()) read(id);
    });
  }
  return () => listeners.delete(listener);
}

/** A picture saved here (its alt text written from the story): every view of it shows the change. */
export function rememberPicture(picture: Picture) {
  set(picture.id, { picture, problem: null });
}

/** The pictures by id as the library holds them, read as needed; an id not read yet is missing from the map. */
export function usePictures(ids: readonly string[]): ReadonlyMap<string, PictureEntry> {
  const key = ids.join(",");
  useEffect(() => {
    for (const id of key ? key.split(",") : []) if (!entries.has(id)) read(id);
  }, [key]);
  return useSyncExternalStore(subscribe, () => entries, () => entries);
}
