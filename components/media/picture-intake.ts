"use client";

import { useEffect, useState, type ClipboardEvent as ReactClipboardEvent } from "react";

// How pictures reach the library besides the file picker: dropped on the page, or pasted.

/** Whether a drag carries files (not text or a link dragged about the page). */
export const carriesFiles = (transfer: DataTransfer | null) => !!transfer && Array.from(transfer.types).includes("Files");

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

const stamp = (at: Date) => at.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");

/**
 * The files of a paste, or none when the paste is text for a field. A picture copied from a
 * screenshot tool or an image editor arrives as "image.png": it is named for when it was pasted,
 * so that it can be told apart in the library.
 */
export function pastedFiles(event: ClipboardEvent | ReactClipboardEvent): File[] {
  const data = event.clipboardData;
  if (!data) return [];
  const files = Array.from(data.files);
  if (files.length === 0) return [];
  // Text copied from a page can come with a picture of itself: in a field, the text is what is meant.
  if (isTyping(event.target) && data.types.includes("text/plain")) return [];
  return files.map((file) => {
    if (!/^image\.\w+$/i.test(file.name)) return file;
    const extension = file.name.split(".").pop();
    return new File([file], `pasted-${stamp(new Date())}.${extension}`, { type: file.type, lastModified: file.lastModified });
  });
}

/**
 * Files dropped anywhere on the page, and pictures pasted (Ctrl/Cmd+V) anywhere but into a field's
 * text. Answers whether files are being dragged over the page, for it to say where they will go.
 * A file dropped outside would otherwise make the browser open it in place of the newsroom.
 */
export function usePageIntake(onFiles: (files: File[]) => void, enabled = true): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    // dragenter and dragleave fire for every element crossed: counted, so the page knows when the drag left it.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      onFiles(Array.from(event.dataTransfer?.files ?? []));
    };
    const onPaste = (event: ClipboardEvent) => {
      const files = pastedFiles(event);
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragleave", onLeave);
    window.addEventListener("dragover", onOver);
    window.addEventListener("drop", onDrop);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragleave", onLeave);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("drop", onDrop);
      document.removeEventListener("paste", onPaste);
    };
  }, [onFiles, enabled]);
  return dragging;
}
