"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { uploadPicture } from "@/components/media/upload-picture";
import type { Picture } from "@/components/media/picture-renditions";

export type UploadLine = {
  key: string;
  name: string;
  bytes: number;
  state: "waiting" | "sending" | "added" | "refused";
  /** The refusal, naming the file and why (the server's words). */
  message?: string;
  picture?: Picture;
};

let counter = 0;

/**
 * Files handed to the media library, sent one after another (the server decodes one picture at a
 * time anyway, and a line that says "waiting" is clearer than six half-done ones). Each file has
 * its own line: waiting, sending, added, or refused with the reason. `onAdded` hears of each
 * picture the library now holds, as it arrives.
 */
export function usePictureUploads(options: { maxMb: number; onAdded?: (picture: Picture) => void }) {
  const [lines, setLines] = useState<UploadLine[]>([]);
  const queue = useRef<{ key: string; file: File }[]>([]);
  const running = useRef(false);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const update = (key: string, change: Partial<UploadLine>) => setLines((all) => all.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        update(next.key, { state: "sending" });
        const answer = await uploadPicture(next.file, { maxMb: latest.current.maxMb });
        if (answer.ok) {
          update(next.key, { state: "added", picture: answer.picture });
          latest.current.onAdded?.(answer.picture);
        } else {
          update(next.key, { state: "refused", message: answer.message });
        }
      }
    } finally {
      running.current = false;
    }
  }, []);

  const add = useCallback((files: File[]) => {
    if (files.length === 0) return;
    const added = files.map((file) => ({ key: `upload-${++counter}`, file }));
    queue.current.push(...added);
    setLines((all) => [...added.map(({ key, file }): UploadLine => ({ key, name: file.name, bytes: file.size, state: "waiting" })), ...all]);
    void run();
  }, [run]);

  /** Forgets the lines of files that are done (added or refused). */
  const clearFinished = useCallback(() => setLines((all) => all.filter((line) => line.state === "waiting" || line.state === "sending")), []);

  return { lines, add, clearFinished, busy: lines.some((line) => line.state === "waiting" || line.state === "sending") };
}
