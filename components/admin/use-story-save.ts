"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { saveStoryAction, type SaveResult, type TheirCopy } from "@/app/(admin)/admin/stories/actions";
import type { StoryFormValues } from "@/lib/stories/story-form-values";
import { changedFields, storyFormData, tokenKey, type StoryToken } from "@/components/admin/story-values";
import { STORY_SAVED } from "@/components/admin/suggested-tags-form";
import { useLeaveGuard } from "@/components/admin/use-leave-guard";

/** How long typing pauses before autosave keeps it on the server. */
export const AUTOSAVE_AFTER_MS = 2000;
/** While someone types without pausing, autosave still saves this often. */
const AUTOSAVE_AT_LEAST_EVERY_MS = 15_000;
const RETRY_AFTER_MS = [2000, 5000, 10_000, 30_000];

export type SaveHow = "auto" | "explicit" | "draft" | "publishChanges";
/** "Mark as update": the article says "Updated …" once this save is live (lib/stories/mark-updated.ts). */
type SaveExtra = { markAsUpdate?: boolean };

export type SaveState = {
  /** What the last save (or failure) said, in the newsroom's words. */
  message: { kind: "saved" | "error"; text: string; explicit: boolean } | null;
  fields: Record<string, string[]>;
  /** A save refused because someone else saved first: their copy, to merge field by field. */
  theirs: TheirCopy | null;
  saving: boolean;
  /** When the server last kept the form's values ("14:05 IST"). */
  savedAt: string | null;
};

/**
 * The editor's saves. Every change is kept on the server within a couple of seconds of the last
 * keystroke, one save at a time (a change typed during a save is saved after it): a draft by its
 * own save, a live story as its draft of changes, so readers never see a change nobody published.
 * `flush()` saves what is unsaved now and tells whether it could, so that a command (Publish,
 * Schedule, Submit) acts on what the editor sees. Leaving the page while anything is unsaved asks
 * first (the browser's own prompt), and a newsroom link waits for the save.
 */
export function useStorySave(options: {
  initial: StoryFormValues;
  live: boolean;
  editable: boolean;
  /** After the first save of a new story, where it now lives. */
  onCreated?: (id: string) => void;
  /** After each save, for the page's server-rendered parts to follow (`auto`: an autosave). */
  onSaved?: (how: SaveHow, unsavedLeft: boolean) => void;
}) {
  const [values, setValuesState] = useState<StoryFormValues>(options.initial);
  const [saved, setSaved] = useState<StoryFormValues>(options.initial);
  const [state, setState] = useState<SaveState>({ message: null, fields: {}, theirs: null, saving: false, savedAt: null });
  const token = useRef<StoryToken>({ id: options.initial.id, version: options.initial.version, draftSavedAt: options.initial.draftSavedAt ?? null });
  const valuesRef = useRef(values);
  const savedRef = useRef(saved);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const ownTokens = useRef(new Set<string>([tokenKey(token.current)]));
  const failures = useRef(0);
  const firstUnsavedAt = useRef<number | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const blocked = useRef(false);

  const dirty = changedFields(values, saved).length > 0;

  // The ref moves at once (a save asked for right after a change sends the change).
  const setValues = useCallback((change: Partial<StoryFormValues>) => {
    const next = { ...valuesRef.current, ...change };
    valuesRef.current = next;
    setValuesState(next);
  }, []);

  /** The copy the form is based on, as stored (after loading, adopting another's save, or a merge). */
  const resetTo = useCallback((base: StoryFormValues, at: StoryToken, shown: StoryFormValues = base) => {
    token.current = { ...token.current, ...at };
    ownTokens.current.add(tokenKey(token.current));
    savedRef.current = base;
    valuesRef.current = shown;
    setSaved(base);
    setValuesState(shown);
    blocked.current = false;
    setState((current) => ({ ...current, theirs: null, fields: {} }));
  }, []);

  const saveOnce = useCallback(async (how: SaveHow, extra: SaveExtra = {}): Promise<boolean> => {
    const sent = valuesRef.current;
    const unsaved = changedFields(sent, savedRef.current).length > 0;
    const base = token.current;
    if (!unsaved && how === "auto") return true;
    if (!unsaved && base.id && (how === "explicit" || how === "draft")) {
      // Already kept (autosave got there first): say so, as the save the editor asked for would.
      const text = optionsRef.current.live
        ? base.draftSavedAt ? "Saved as a draft of changes: readers still see the live version." : "Nothing to save: the form matches the live story."
        : "Saved.";
      setState((current) => ({ ...current, fields: {}, message: { kind: "saved", explicit: true, text } }));
      optionsRef.current.onSaved?.(how, false);
      return true;
    }
    const { live } = optionsRef.current;
    const intent = how === "publishChanges" ? (base.draftSavedAt ? "publishChanges" : "live") : live && how !== "explicit" ? "draft" : "live";
    setState((current) => ({ ...current, saving: true }));
    let result: SaveResult;
    try {
      const form = storyFormData(sent, base, intent);
      if (extra.markAsUpdate && intent !== "draft") form.set("markAsUpdate", "1");
      result = await saveStoryAction(form);
    } catch {
      // The server or the connection failed: nothing is lost, the next try sends the same again.
      failures.current += 1;
      setState((current) => ({
        ...current, saving: false,
        message: { kind: "error", explicit: how !== "auto", text: "Not saved: the newsroom could not be reached. Your changes are kept here and saved when it answers again." },
      }));
      // Whichever save failed, what is unsaved is tried again (2 s, 5 s, 10 s, then every 30 s).
      retryLater();
      return false;
    }
    failures.current = 0;
    if (!result.ok) {
      if (result.theirs) blocked.current = true;
      setState((current) => ({
        ...current, saving: false, theirs: result.theirs ?? null, fields: how === "auto" && !result.theirs ? {} : result.fields ?? {},
        message: { kind: "error", explicit: how !== "auto" || !!result.theirs, text: how === "auto" && !result.theirs ? `Not saved yet: ${result.message}` : result.message },
      }));
      return false;
    }
    const { saved: story } = result;
    const createdNow = !base.id;
    const draftStarted = !base.draftSavedAt && !!story.draftSavedAt;
    token.current = { id: story.id, version: story.version, draftSavedAt: story.draftSavedAt };
    ownTokens.current.add(tokenKey(token.current));
    savedRef.current = sent;
    setSaved(sent);
    firstUnsavedAt.current = changedFields(valuesRef.current, sent).length ? Date.now() : null;
    const text = how === "auto"
      ? `Saved automatically at ${story.savedAt}${story.draftSavedAt && optionsRef.current.live ? " as a draft of changes: readers still see the live version" : ""}.`
      : intent === "draft" ? "Saved as a draft of changes: readers still see the live version."
        : intent === "publishChanges" || (how === "publishChanges") ? "Published the changes." : "Saved.";
    setState((current) => ({ ...current, saving: false, fields: {}, theirs: null, savedAt: story.savedAt, message: { kind: "saved", explicit: how !== "auto", text } }));
    if (createdNow) optionsRef.current.onCreated?.(story.id);
    // Other parts of the page that save (the wire suggestions' "Add ticked tags") base theirs on this version.
    window.dispatchEvent(new CustomEvent(STORY_SAVED, { detail: { storyId: story.id, version: story.version } }));
    optionsRef.current.onSaved?.(draftStarted ? "explicit" : how, changedFields(valuesRef.current, sent).length > 0);
    return true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = useCallback(async (how: SaveHow, extra: SaveExtra = {}): Promise<boolean> => {
    if (!optionsRef.current.editable) return false;
    while (inFlight.current) await inFlight.current;
    const run = saveOnce(how, extra);
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [saveOnce]);

  const retryTimer = useRef<number | null>(null);
  function retryLater() {
    if (retryTimer.current) window.clearTimeout(retryTimer.current);
    const wait = RETRY_AFTER_MS[Math.min(failures.current - 1, RETRY_AFTER_MS.length - 1)];
    retryTimer.current = window.setTimeout(() => void save("auto"), wait);
  }

  // Autosave: a pause in typing, or a long run of it, keeps the change on the server. A save
  // refused as stale waits for the editor's merge; a refused field waits for the next change.
  useEffect(() => {
    // While the server cannot be reached, the retry (2 s, 5 s, 10 s, 30 s) is what tries again:
    // typing on does not send a save per keystroke.
    if (!dirty || !options.editable || blocked.current || failures.current > 0 || !values.headline.trim()) return;
    firstUnsavedAt.current ??= Date.now();
    const wait = Math.max(0, Math.min(AUTOSAVE_AFTER_MS, firstUnsavedAt.current + AUTOSAVE_AT_LEAST_EVERY_MS - Date.now()));
    const timer = window.setTimeout(() => void save("auto"), wait);
    return () => window.clearTimeout(timer);
  }, [values, dirty, options.editable, save]);

  /** Saves whatever is unsaved; true when the server holds what the form shows. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (changedFields(valuesRef.current, savedRef.current).length === 0 && token.current.id) return true;
    return save("auto");
  }, [save]);

  // Leaving with unsaved changes: the browser asks (reload, closing the tab, typing an address);
  // a link inside the newsroom saves first and then goes, or stays and says why not.
  useLeaveGuard(dirty || state.saving, flush);

  // Back online: what waits is saved now, not at the next retry.
  useEffect(() => {
    const onOnline = () => {
      if (changedFields(valuesRef.current, savedRef.current).length) void save("auto");
    };
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [save]);

  const clearMessage = useCallback(() => setState((current) => ({ ...current, message: null })), []);

  return {
    values, setValues, saved, dirty, state, save, flush, resetTo, clearMessage,
    /** The stored copy the form is now based on (read it when needed: saves move it). */
    currentToken: () => token.current,
    /** Whether a stored copy with this token is one this page saved itself. */
    isOwn: (at: StoryToken) => ownTokens.current.has(tokenKey(at)),
    /** The editor's reading of the body differs from the stored HTML only in form: it is not a change. */
    acceptNormalisedBody: (html: string) => {
      if (valuesRef.current.body !== savedRef.current.body) return;
      const next = { ...savedRef.current, body: html };
      savedRef.current = next;
      valuesRef.current = { ...valuesRef.current, body: html };
      setSaved(next);
      setValuesState(valuesRef.current);
    },
  };
}
