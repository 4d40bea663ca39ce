"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { StoryDetails, StoryWriting, FieldErrorSummary } from "@/components/admin/story-form";
import { StoryCommands, type StoryCommandsProps } from "@/components/admin/story-commands";
import { StoryMerge } from "@/components/admin/story-merge";
import { StoryPresence, type StoryOnServer } from "@/components/admin/story-presence";
import { PreviewLinkButton } from "@/components/admin/preview-link-button";
import { KeyboardShortcuts, type Shortcut } from "@/components/admin/keyboard-shortcuts";
import { useStorySave } from "@/components/admin/use-story-save";
import { useStoryEvents } from "@/components/admin/use-story-events";
import { STORY_TAGS_ADD, STORY_TAGS_ADDED, type StoryTagsAddDetail, type StoryTagsAddedDetail } from "@/components/admin/suggested-tags-form";
import { plan } from "@/components/admin/story-merge";
import { fieldLabels } from "@/components/admin/story-values";
import { tokenKey } from "@/components/admin/story-values";
import { EmbargoForm, type EmbargoFormStory } from "@/components/admin/embargo-form";
import { PrepublishChecklist } from "@/components/admin/prepublish-checklist";
import { StoryLeadPicture } from "@/components/admin/story-lead-picture";
import { WordCount } from "@/components/admin/word-count";
import { usePictures } from "@/components/media/picture-store";
import { bodyPictureIds } from "@/lib/stories/body-picture-ids";
import type { PublishRules } from "@/lib/stories/prepublish-checklist";
import { embargoHolds } from "@/lib/stories/embargo-state";
import { formatZonedInstant } from "@/lib/site/zoned-time";
import type { StoryFormValues } from "@/lib/stories/story-form-values";
import { hasLiveStatus } from "@/lib/stories/live";

const buttonClass = "rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60";
const primary = `${buttonClass} bg-slate-900 text-white hover:bg-slate-700`;
const secondary = `${buttonClass} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`;

export type StoryEditorProps = {
  initial: StoryFormValues;
  status: string;
  /** Why the form is read-only, if it is (a killed story; a live story and a role that may not change it). */
  readOnly?: string | null;
  /** The headline was proposed from the wire copy and nobody has written one yet. */
  headlineProposed?: boolean;
  /** Who last saved, shown when their save reaches this page while it is open. */
  lastChange?: { by: string; at: string };
  commands?: Omit<StoryCommandsProps, "id" | "status" | "headline" | "beforeCommand">;
  /** What the last command did ("Published."), from the address it came back to. */
  notice?: string | null;
  /** The newsroom's zone (IANA id), for the embargo and the checklist. */
  timeZone: string;
  /** What the newsroom requires before publishing (publishSettings()). */
  publishRules: PublishRules;
  /** The story's embargo as stored, for the embargo panel (absent for a new story). */
  embargo?: Omit<EmbargoFormStory, "headline" | "version">;
  /** Extra sidebar panels, below the details. */
  sidebar?: ReactNode;
  /** The largest picture the media library takes (MEDIA_MAX_MB), for uploads from the lead picture panel. */
  mediaMaxMb: number;
};

/**
 * The story editor: the writing area on the left, a sidebar with the save state, the commands
 * and the story's details on the right (one column on a phone). It never loses what is typed:
 * every change is saved within seconds (lib: use-story-save), every command saves first, Enter
 * never submits anything, and a save someone else got in first to is merged field by field.
 */
export function StoryEditor(props: StoryEditorProps) {
  const router = useRouter();
  const { initial, status } = props;
  const live = hasLiveStatus(status);
  const editable = !props.readOnly;
  const [remountKey, setRemountKey] = useState(0);
  // The sidebar's fields alone start again (tags taken from suggestions), the body keeps its caret.
  const [detailsKey, setDetailsKey] = useState(0);
  const [remoteNotice, setRemoteNotice] = useState<string | null>(null);
  const [markAsUpdate, setMarkAsUpdate] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const isNew = !initial.id;

  const editor = useStorySave({
    initial, live, editable,
    onCreated: (id) => window.history.replaceState(null, "", `/admin/stories/${id}`),
    // The page's own parts follow every save (the version and last change, the draft banner);
    // the form keeps what is typed meanwhile (its own save's copy is not taken as another's).
    onSaved: (_how, unsavedLeft) => {
      if (!isNew && !unsavedLeft) router.refresh();
    },
  });
  const { values, setValues, state, save, flush, dirty } = editor;
  // The body's pictures as the library holds them: the checklist wants each one's alt text.
  const bodyPictures = usePictures(bodyPictureIds(values.body));

  // What the server renders changed (a command's redirect, a refresh after someone else's save):
  // take it as the form's copy if nothing is unsaved; otherwise try to save, which finds their
  // change and offers the merge.
  const propsToken = tokenKey({ version: initial.version, draftSavedAt: initial.draftSavedAt ?? null });
  const lastProps = useRef(propsToken);
  useEffect(() => {
    if (propsToken === lastProps.current) return;
    lastProps.current = propsToken;
    if (editor.isOwn({ version: initial.version, draftSavedAt: initial.draftSavedAt ?? null })) return;
    if (commandRan.current && dirty) {
      // This editor's own command (it saved the form first) moved the story on while more was
      // typed: the typing stands on the new copy, unsaved, and autosave carries it on.
      commandRan.current = false;
      editor.resetTo(initial, { version: initial.version, draftSavedAt: initial.draftSavedAt ?? null }, editor.values);
      editor.clearMessage();
    } else if (!dirty) {
      editor.resetTo(initial, { version: initial.version, draftSavedAt: initial.draftSavedAt ?? null });
      setRemountKey((key) => key + 1);
      // After this editor's own command the page's notice says what happened; otherwise it was someone else.
      if (commandRan.current) {
        commandRan.current = false;
        editor.clearMessage();
      } else if (props.lastChange) setRemoteNotice(`The story changed while you had it open: ${props.lastChange.by} saved it at ${props.lastChange.at}. The form shows it now.`);
    } else {
      void save("auto");
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [propsToken]);

  // Pushed from the server (presence check-ins): a newer copy than the one the form is based on.
  // With something unsaved, the page is never re-rendered from the server (a refresh that fails,
  // offline or in an outage, makes Next reload the page): saving finds the other change instead,
  // and answers with it to merge.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const followServer = useCallback(() => {
    if (dirtyRef.current) void save("auto");
    else router.refresh();
  }, [router, save]);
  const onServerStory = useCallback((story: StoryOnServer) => {
    if (state.saving || editor.isOwn(story) || tokenKey(story) === tokenKey(editor.currentToken())) return;
    followServer();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.saving, followServer]);

  // A command's notice is shown once: a reload of the page does not say "Published." again.
  useEffect(() => {
    if (props.notice && window.location.search) window.history.replaceState(null, "", window.location.pathname);
  }, [props.notice]);

  // Pushed as it happens (Postgres NOTIFY → server-sent events): a new version of this story. A
  // draft of changes saved by someone else moves no version; the presence check-in finds that.
  useStoryEvents((event) => {
    if (!initial.id) return;
    if (event.type === "story" && event.id === initial.id) onServerStory({ version: event.version, draftSavedAt: editor.currentToken().draftSavedAt ?? null });
    if (event.type === "resync") followServer();
  }, { storyId: initial.id });

  // "Add ticked tags" (the wire suggestions) saved tags to the story: the form takes them and
  // their version, keeping whatever else is being typed, instead of the page reloading over it.
  useEffect(() => {
    const onTagsAdded = (event: Event) => {
      const detail = (event as CustomEvent<StoryTagsAddedDetail>).detail;
      if (!initial.id || detail.storyId !== initial.id) return;
      event.preventDefault();
      const tags = detail.tags as StoryFormValues["tags"];
      editor.resetTo({ ...editor.saved, tags }, { version: detail.version }, { ...editor.values, tags });
      setRemountKey((key) => key + 1);
    };
    // Before anything is saved: the ticked suggestions join the form's tags, and autosave saves
    // them with the rest, so no second save races this editor's.
    const onTagsAdd = (event: Event) => {
      const detail = (event as CustomEvent<StoryTagsAddDetail>).detail;
      const id = editor.currentToken().id;
      // A live story's tags are changed by the suggestions' own save (readers see them at once).
      if (!id || detail.storyId !== id || !editable || live) return;
      event.preventDefault();
      const have = new Set(editor.values.tags.map((tag) => `${tag.type}:${tag.name.toLowerCase()}`));
      const tags = [...editor.values.tags, ...detail.tags.filter((tag) => !have.has(`${tag.type}:${tag.name.toLowerCase()}`))];
      editor.setValues({ tags });
      setDetailsKey((key) => key + 1);
      // Saved now, with whatever else is typed; the suggestions say "Added" once it is.
      detail.saved = flush();
    };
    window.addEventListener(STORY_TAGS_ADDED, onTagsAdded);
    window.addEventListener(STORY_TAGS_ADD, onTagsAdd);
    return () => {
      window.removeEventListener(STORY_TAGS_ADDED, onTagsAdded);
      window.removeEventListener(STORY_TAGS_ADD, onTagsAdd);
    };
  }, [initial.id, editor, editable, live, flush]);

  // A save refused because someone saved first, where no field was changed by both: merged at
  // once (theirs where only they changed it, this editor's where only it did) and saved, saying so.
  const theirs = state.theirs;
  useEffect(() => {
    if (!theirs) return;
    const { taken, kept, conflicts } = plan(editor.saved, editor.values, theirs.values);
    if (conflicts.length) return;
    const merged = { ...editor.values };
    for (const field of taken) (merged as Record<string, unknown>)[field] = theirs.values[field];
    editor.resetTo(theirs.values, { version: theirs.version, draftSavedAt: theirs.draftSavedAt }, merged);
    setRemountKey((key) => key + 1);
    const names = (fields: typeof taken) => fields.map((field) => fieldLabels[field].toLowerCase()).join(", ");
    setRemoteNotice(`${theirs.by ?? "Someone else"} saved this story while you were editing it${theirs.at ? ` (${theirs.at})` : ""}: merged${taken.length ? `, their ${names(taken)} taken` : ""}${kept.length ? `, your ${names(kept)} kept` : ""}.`);
    void save(hasLiveStatus(theirs.status) ? "draft" : "auto");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theirs]);

  // Errors and refusals take the focus, wherever the editor was typing.
  useEffect(() => {
    if (state.message?.kind === "error" && state.message.explicit) messageRef.current?.focus();
  }, [state.message]);

  const commandRan = useRef(false);
  const beforeCommand = useCallback(async () => {
    editor.clearMessage();
    setRemoteNotice(null);
    const saved = await flush();
    if (saved) commandRan.current = true;
    return saved;
  }, [editor, flush]);

  const explicitSave = async () => {
    const ok = await save("explicit");
    const id = editor.currentToken().id;
    if (ok && isNew && id) router.replace(`/admin/stories/${id}?saved=1`);
  };

  const hasDraft = !!editor.currentToken().draftSavedAt;
  // A new story has an id once autosave has made it: its commands are there from then on.
  const storyId = editor.currentToken().id;
  const shortcuts: Shortcut[] = [
    // A live story's change is saved as its draft of changes: never live by a keystroke.
    { keys: "Mod+s", description: live ? "Save as a draft of changes" : "Save", inFields: true, run: () => void (editable && save(live ? "draft" : "explicit")) },
    { keys: "Mod+k", description: "Add or edit a link (in the body)" },
  ];
  const headlineProposed = props.headlineProposed && values.headline === initial.headline;
  const message = state.message && !(isNew && state.message.kind === "saved" && state.message.explicit) ? state.message : null;

  return (
    // Not a <form>: nothing here is submitted, so Enter in a field can never save (nor put a live
    // story's change live); saving is the autosave's or a button's, and the commands are forms of their own.
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-8" data-testid="story-editor">
      <div className="min-w-0 space-y-4">
        {state.theirs ? (
          <StoryMerge
            key={tokenKey(state.theirs)}
            base={editor.saved} mine={values} theirs={state.theirs} message={state.message?.text ?? ""}
            onMerge={(merged) => {
              const theirs = state.theirs!;
              editor.resetTo(theirs.values, { version: theirs.version, draftSavedAt: theirs.draftSavedAt }, merged);
              setRemountKey((key) => key + 1);
              void save(hasLiveStatus(theirs.status) ? "draft" : "explicit");
            }}
            onTakeTheirs={() => {
              const theirs = state.theirs!;
              editor.resetTo(theirs.values, { version: theirs.version, draftSavedAt: theirs.draftSavedAt });
              setRemountKey((key) => key + 1);
              editor.clearMessage();
            }}
          />
        ) : null}
        {props.readOnly ? <p className="rounded border border-slate-300 bg-slate-100 px-4 py-3 text-sm text-slate-800" data-testid="read-only">{props.readOnly}</p> : null}
        <StoryWriting
          values={values} onChange={setValues} onBodyRead={editor.acceptNormalisedBody} errors={state.fields} readOnly={!editable} remountKey={remountKey}
          beforeBody={
            <StoryLeadPicture
              value={values.leadImage} onChange={(leadImage) => setValues({ leadImage })} readOnly={!editable}
              errors={state.fields.leadImage} maxMb={props.mediaMaxMb}
            />
          }
          headlineNote={headlineProposed ? (
            <p className="-mt-3 text-sm text-amber-900" data-testid="headline-proposed">
              <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium">Headline needs writing</span> It was proposed from the agency copy&apos;s first sentence.
            </p>
          ) : null}
        />
        <WordCount headline={values.headline} standfirst={values.standfirst} body={values.body} />
      </div>

      <aside className="mt-6 space-y-5 lg:mt-0" aria-label="Story settings">
        <div className="space-y-3 rounded border border-slate-200 bg-slate-50 p-3 lg:sticky lg:top-4">
          {initial.id ? <StoryPresence storyId={initial.id} onStory={onServerStory} /> : null}
          <div ref={messageRef} tabIndex={-1} className="text-sm focus:outline-none" aria-live="polite" data-testid="save-state">
            {message?.kind === "error" && !state.theirs ? (
              <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
                <p data-testid="form-error">{message.text}</p>
                <FieldErrorSummary errors={state.fields} />
              </div>
            ) : message?.kind === "saved" && message.explicit ? (
              <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">{message.text}</p>
            ) : !message?.explicit && props.notice && !dirty ? (
              <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">{props.notice}</p>
            ) : (
              <p className="text-slate-600" data-testid="autosave-state">
                {state.saving ? "Saving…" : dirty ? (editable ? "Unsaved changes: saving in a moment." : "") : message?.text ?? (initial.id ? "All changes saved." : "Saved automatically once it has a headline.")}
              </p>
            )}
            {remoteNotice && !state.theirs ? <p className="mt-2 rounded border border-violet-300 bg-violet-50 px-3 py-2 text-violet-950" data-testid="remote-change">{remoteNotice}</p> : null}
          </div>
          {editable ? (
            <div className="flex flex-wrap gap-2">
              {live ? (
                <>
                  <button
                    type="button" className={primary} disabled={state.saving || (!dirty && !hasDraft)}
                    onClick={() => void save("publishChanges", { markAsUpdate }).then((ok) => ok && setMarkAsUpdate(false))}
                  >
                    Publish changes
                  </button>
                  <button type="button" className={secondary} disabled={state.saving} onClick={() => void save("draft")}>Save as draft of changes</button>
                </>
              ) : (
                <button type="button" className={primary} disabled={state.saving} onClick={() => void explicitSave()}>{isNew ? "Save draft" : "Save"}</button>
              )}
            </div>
          ) : null}
          {live && editable ? (
            <>
              {status === "published" ? (
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="checkbox" className="mt-1" checked={markAsUpdate} onChange={(event) => setMarkAsUpdate(event.target.checked)} />
                  <span>Mark as an update: the article says &ldquo;Updated&rdquo; with the time (not for a typo)</span>
                </label>
              ) : null}
              <p className="text-xs text-slate-600">Changes are saved as a draft of changes as you type; readers see them when you publish them.</p>
            </>
          ) : null}
          {storyId && props.commands ? (
            <StoryCommands id={storyId} status={status} headline={values.headline || initial.headline} beforeCommand={beforeCommand} {...props.commands} />
          ) : null}
          {storyId && status !== "killed" ? <PreviewLinkButton id={storyId} beforeCommand={flush} /> : null}
        </div>
        {status !== "killed" && status !== "published" ? (
          <div className="rounded border border-slate-200 p-3">
            <PrepublishChecklist
              story={{
                headline: values.headline, standfirst: values.standfirst, tags: values.tags, slug: values.slug, headlineProposed: !!headlineProposed,
                embargoUntil: props.embargo?.embargoUntil ?? null,
                // The picture's alt text as the library holds it (the panel follows changes made there).
                leadImageAlt: values.leadImage ? (values.leadImage.picture?.alt ?? "") : null,
                bodyPictureAlts: bodyPictureIds(values.body).flatMap((id) => (bodyPictures.get(id)?.picture ? [bodyPictures.get(id)!.picture!.alt] : [])),
              }}
              rules={props.publishRules} timeZone={props.timeZone}
            />
          </div>
        ) : null}
        {initial.id && props.embargo && editable ? (
          <div className="rounded border border-slate-200 p-3">
            <EmbargoForm
              story={{ ...props.embargo, id: initial.id, version: initial.version ?? 1, headline: values.headline || initial.headline }}
              timeZone={props.timeZone} beforeSubmit={beforeCommand} currentVersion={() => editor.currentToken().version}
            />
          </div>
        ) : props.embargo?.embargoUntil ? (
          // Read-only: the embargo is said, not offered.
          <p className="rounded border border-slate-200 p-3 text-sm text-slate-800" data-testid="embargo-state">
            {embargoHolds(props.embargo) ? "Embargoed until" : "Embargo lifted"} {formatZonedInstant(new Date(props.embargo.embargoUntil), props.timeZone)}.
          </p>
        ) : null}
        <fieldset disabled={!editable} className="min-w-0">
          <StoryDetails values={values} onChange={setValues} errors={state.fields} readOnly={!editable} remountKey={remountKey * 1000 + detailsKey} />
        </fieldset>
        {props.sidebar}
        <KeyboardShortcuts shortcuts={shortcuts} />
      </aside>
    </div>
  );
}
