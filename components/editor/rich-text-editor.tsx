"use client";

import { useMemo, useRef, useState, type JSX, type KeyboardEvent, type ReactNode } from "react";
import {
  EditorContent,
  isNodeEmpty,
  useEditor,
  useEditorState,
  type Editor,
} from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { CodeBlock } from "@tiptap/extension-code-block";
import { LinkForm, type LinkFormValues } from "@/components/editor/link-form";
import { Figure } from "@/components/editor/figure-node";
import { MediaPickerDialog } from "@/components/media/media-picker-dialog";

/* -------------------------------------------------------------------------- */
/*  Configuration                                                             */
/* -------------------------------------------------------------------------- */

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

// Whitespace and control characters that browsers ignore inside URLs
// (e.g. "java\nscript:"), stripped before the scheme is checked.
const IGNORED_URL_CHARS = /[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const BARE_HOST = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?::\d+)?(?:[/?#].*)?$/iu;
const BARE_EMAIL = /^[^\s@/:]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}$/iu;

/**
 * Only http, https and mailto URLs may become links. Values without a scheme
 * are accepted only when they look like a bare host name or e-mail address
 * ("bbc.co.uk/news", "desk@example.org"): that is what the autolinker and the
 * paste handler check, and they store an absolute http(s)/mailto href.
 * Relative URLs ("/x", "#x", "//host") and every other scheme are refused.
 */
function isAllowedHref(raw: string): boolean {
  const url = raw.replace(IGNORED_URL_CHARS, "");
  if (url === "") return false;
  const scheme = SCHEME.exec(url);
  if (scheme && ALLOWED_SCHEMES.has(scheme[1].toLowerCase())) return true;
  return BARE_HOST.test(url) || BARE_EMAIL.test(url);
}

/** Turns what an editor typed into the link form into an absolute href. */
function normaliseHref(input: string): string {
  const url = input.trim();
  const scheme = SCHEME.exec(url);
  if (scheme && !scheme[1].includes(".")) return url; // has a real scheme
  if (BARE_EMAIL.test(url)) return `mailto:${url}`;
  if (url.startsWith("//")) return `https:${url}`;
  return `https://${url}`;
}

/** Null when the link form's address may become a link, else what to tell the editor. */
function linkProblem(input: string): string | null {
  const href = normaliseHref(input);
  return /^(https?|mailto):/i.test(href) && isAllowedHref(href)
    ? null
    : "Only web addresses (http:// or https://) and email addresses (mailto:) can be links.";
}

/**
 * Tables from agency copy (results, prices, standings) are kept as preformatted text, `<pre>`
 * (lib/wire/paragraphs-html.ts). The editor holds them as they came, so that saving a story never
 * runs one together into a paragraph; nothing in the toolbar or the keys makes a new one (no
 * ``` input rule, no shortcut), and it is written back as a bare `<pre>`, as the sanitiser keeps it.
 */
const Preformatted = CodeBlock.extend({
  addInputRules() {
    return [];
  },
  addKeyboardShortcuts() {
    return {};
  },
  renderHTML() {
    return ["pre", 0];
  },
});

// Created once at module level so `useEditor` does not see a new extensions
// array on every render.
const EXTENSIONS = [
  Preformatted,
  Figure,
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: "https",
      protocols: [],
      HTMLAttributes: {
        target: null,
        rel: "noopener noreferrer nofollow",
        class: null,
      },
      isAllowedUri: (url) => isAllowedHref(url),
    },
  }),
];

// A table kept as laid out (<pre>) lines up only in a fixed-width font, and scrolls rather than wraps.
const EDITOR_CLASS =
  "prose prose-slate max-w-none min-h-[16rem] rounded-b border p-4 focus:outline-none [&_pre]:overflow-x-auto [&_pre]:whitespace-pre [&_pre]:font-mono [&_pre]:text-sm";

/** Value submitted for the body: "" for an empty editor, no trailing `<p></p>`s. */
function serialise(editor: Editor): string {
  if (isNodeEmpty(editor.state.doc, { ignoreWhitespace: true })) return "";
  return editor.getHTML().replace(/(?:<p><\/p>)+$/, "");
}

function normaliseDefault(html: string): string {
  const trimmed = html.trim();
  return /^(?:<p>\s*(?:<br\s*\/?>)?\s*<\/p>\s*)*$/i.test(trimmed) ? "" : trimmed;
}

/* -------------------------------------------------------------------------- */
/*  Toolbar                                                                   */
/* -------------------------------------------------------------------------- */

type ActiveState = {
  paragraph: boolean;
  h2: boolean;
  h3: boolean;
  bold: boolean;
  italic: boolean;
  link: boolean;
  blockquote: boolean;
  bulletList: boolean;
  orderedList: boolean;
  picture: boolean;
};

const INACTIVE: ActiveState = {
  paragraph: false,
  h2: false,
  h3: false,
  bold: false,
  italic: false,
  link: false,
  blockquote: false,
  bulletList: false,
  orderedList: false,
  picture: false,
};

type ToolbarButtonProps = {
  label: string;
  pressed: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
  className?: string;
  /** Whether this button is the toolbar's one Tab stop (roving tabindex). */
  tabStop: boolean;
  onFocus: () => void;
  shortcut?: string;
};

function ToolbarButton({ label, pressed, disabled, onClick, children, className, tabStop, onFocus, shortcut }: ToolbarButtonProps): JSX.Element {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={shortcut ? shortcut.replace("Ctrl", "Control") : undefined}
      aria-pressed={pressed}
      disabled={disabled}
      tabIndex={tabStop ? 0 : -1}
      onFocus={onFocus}
      // Keep focus (and the selection) in the editor when clicked with a mouse.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={[
        "inline-flex h-9 min-w-9 items-center justify-center rounded px-2 text-sm font-medium",
        "transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-offset-1",
        "disabled:cursor-not-allowed disabled:opacity-50",
        pressed
          ? "bg-slate-800 text-white hover:bg-slate-700"
          : "bg-white text-slate-800 hover:bg-slate-200",
        className ?? "",
      ].join(" ")}
    >
      {children}
    </button>
  );
}

function Separator(): JSX.Element {
  return <span aria-hidden="true" className="mx-1 h-6 w-px bg-slate-300" />;
}

type ToolKey = "paragraph" | "h2" | "h3" | "bold" | "italic" | "link" | "blockquote" | "bulletList" | "orderedList" | "picture";

/** The link form's state: the range it applies to, and whether a link there is being edited. */
type LinkEdit = { from: number; to: number; href: string; askText: boolean };

/* -------------------------------------------------------------------------- */
/*  RichTextEditor                                                            */
/* -------------------------------------------------------------------------- */

export function RichTextEditor(props: {
  name: string;
  defaultValue: string;
  id?: string;
  label?: string;
  invalid?: boolean;
  describedBy?: string;
  /** Every change of the body's HTML (word counts, the checklist, autosave); `first` is the editor's own reading of `defaultValue`. */
  onChange?: (html: string, first: boolean) => void;
  readOnly?: boolean;
}): JSX.Element {
  const { name, defaultValue, id, label, invalid, describedBy, onChange } = props;
  const accessibleName = label ?? "Body";

  const initialContent = useMemo(() => normaliseDefault(defaultValue), [defaultValue]);
  const [html, setHtml] = useState<string>(initialContent);
  const [linkEdit, setLinkEdit] = useState<LinkEdit | null>(null);
  // The library's dialog, open to put a picture in at the cursor.
  const [choosingPicture, setChoosingPicture] = useState(false);
  // The toolbar's one Tab stop: the button last focused (WAI-ARIA toolbar pattern).
  const [tabStop, setTabStop] = useState<ToolKey>("paragraph");
  // Keyboard shortcuts run from ProseMirror's handler, made once: it reaches the current function here.
  const openLinkFormRef = useRef<() => void>(() => {});
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const editorProps = useMemo(() => {
    const attributes: Record<string, string> = {
      role: "textbox",
      "aria-multiline": "true",
      "aria-label": accessibleName,
      "data-testid": "body-editor",
      class: [
        EDITOR_CLASS,
        "bg-white focus:ring-2 focus:ring-inset focus:ring-sky-600",
        invalid ? "border-red-600" : "border-slate-300",
      ].join(" "),
    };
    if (id) attributes.id = id;
    if (invalid) attributes["aria-invalid"] = "true";
    if (describedBy) attributes["aria-describedby"] = describedBy;
    return {
      attributes,
      handleKeyDown: (_view: unknown, event: globalThis.KeyboardEvent) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
          openLinkFormRef.current();
          return true;
        }
        return false;
      },
    };
  }, [accessibleName, invalid, describedBy, id]);

  function changed(next: string, first: boolean): void {
    setHtml(next);
    onChangeRef.current?.(next, first);
  }

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    extensions: EXTENSIONS,
    content: initialContent,
    editorProps,
    editable: !props.readOnly,
    onCreate: ({ editor: created }) => changed(serialise(created), true),
    onUpdate: ({ editor: updated }) => changed(serialise(updated), false),
  });

  const active =
    useEditorState({
      editor,
      selector: ({ editor: e }): ActiveState => {
        if (!e) return INACTIVE;
        return {
          paragraph: e.isActive("paragraph"),
          h2: e.isActive("heading", { level: 2 }),
          h3: e.isActive("heading", { level: 3 }),
          bold: e.isActive("bold"),
          italic: e.isActive("italic"),
          link: e.isActive("link"),
          blockquote: e.isActive("blockquote"),
          bulletList: e.isActive("bulletList"),
          orderedList: e.isActive("orderedList"),
          picture: e.isActive("figure"),
        };
      },
    }) ?? INACTIVE;

  const ready = editor !== null;

  /** Focus synchronously (Tiptap's `focus()` waits a frame when the view is not focused). */
  function chain() {
    if (!editor) return null;
    if (!editor.view.hasFocus()) editor.view.focus();
    return editor.chain().focus();
  }

  /** Opens the link form for the selection, the link the cursor is in, or a new link at the cursor. */
  function openLinkForm(): void {
    if (!editor) return;
    const inLink = editor.isActive("link");
    if (inLink) editor.chain().extendMarkRange("link").run();
    const { from, to, empty } = editor.state.selection;
    const current = editor.getAttributes("link").href;
    setLinkEdit({ from, to, href: inLink && typeof current === "string" ? current : "", askText: empty && !inLink });
  }
  openLinkFormRef.current = openLinkForm;

  function closeLinkForm(): void {
    const edit = linkEdit;
    setLinkEdit(null);
    if (edit) chain()?.setTextSelection({ from: edit.from, to: edit.to }).run();
  }

  function applyLink({ text, href: typed }: LinkFormValues): void {
    const edit = linkEdit;
    if (!editor || !edit) return;
    const href = normaliseHref(typed);
    setLinkEdit(null);
    if (edit.askText) {
      // Nothing was selected: insert the words given (the address itself if none) as the link.
      const words = text || href.replace(/^mailto:/i, "");
      chain()
        ?.setTextSelection(edit.from)
        .insertContent({ type: "text", text: words, marks: [{ type: "link", attrs: { href } }] })
        .unsetMark("link")
        .run();
      return;
    }
    chain()?.setTextSelection({ from: edit.from, to: edit.to }).setLink({ href }).run();
  }

  function removeLink(): void {
    const edit = linkEdit;
    setLinkEdit(null);
    if (edit) chain()?.setTextSelection({ from: edit.from, to: edit.to }).unsetLink().run();
  }

  /** Arrow keys, Home and End move between the toolbar's buttons; Tab leaves the toolbar. */
  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const keys = ["ArrowLeft", "ArrowRight", "Home", "End"];
    if (!keys.includes(event.key)) return;
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)"));
    const current = buttons.findIndex((b) => b === document.activeElement);
    if (current === -1 || buttons.length === 0) return;
    event.preventDefault();
    let next = current;
    if (event.key === "ArrowLeft") next = (current - 1 + buttons.length) % buttons.length;
    if (event.key === "ArrowRight") next = (current + 1) % buttons.length;
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = buttons.length - 1;
    buttons[next].focus();
  }

  const tool = (key: ToolKey) => ({ tabStop: tabStop === key, onFocus: () => setTabStop(key), pressed: active[key], disabled: !ready });

  return (
    <div className="w-full">
      <div
        role="toolbar"
        aria-label={`${accessibleName} formatting`}
        aria-controls={id}
        onKeyDown={onToolbarKeyDown}
        className={[
          "flex flex-wrap items-center gap-1 rounded-t border border-b-0 bg-slate-50 p-1",
          invalid ? "border-red-600" : "border-slate-300",
        ].join(" ")}
      >
        <ToolbarButton label="Paragraph" {...tool("paragraph")} onClick={() => chain()?.setParagraph().run()}>
          P
        </ToolbarButton>
        <ToolbarButton label="Heading 2" {...tool("h2")} onClick={() => chain()?.toggleHeading({ level: 2 }).run()}>
          H2
        </ToolbarButton>
        <ToolbarButton label="Heading 3" {...tool("h3")} onClick={() => chain()?.toggleHeading({ level: 3 }).run()}>
          H3
        </ToolbarButton>
        <Separator />
        <ToolbarButton label="Bold" {...tool("bold")} onClick={() => chain()?.toggleBold().run()} className="font-bold" shortcut="Ctrl+B">
          B
        </ToolbarButton>
        <ToolbarButton label="Italic" {...tool("italic")} onClick={() => chain()?.toggleItalic().run()} className="italic" shortcut="Ctrl+I">
          I
        </ToolbarButton>
        <ToolbarButton label="Link" {...tool("link")} pressed={active.link || linkEdit !== null} onClick={openLinkForm} className="underline" shortcut="Ctrl+K">
          Link
        </ToolbarButton>
        <Separator />
        <ToolbarButton label="Quote" {...tool("blockquote")} onClick={() => chain()?.toggleBlockquote().run()}>
          “ ”
        </ToolbarButton>
        <ToolbarButton label="Bulleted list" {...tool("bulletList")} onClick={() => chain()?.toggleBulletList().run()}>
          • List
        </ToolbarButton>
        <ToolbarButton label="Numbered list" {...tool("orderedList")} onClick={() => chain()?.toggleOrderedList().run()}>
          1. List
        </ToolbarButton>
        {props.readOnly ? null : (
          <>
            <Separator />
            <ToolbarButton
              label="Picture" {...tool("picture")} pressed={choosingPicture}
              onClick={() => setChoosingPicture(true)}
            >
              Picture
            </ToolbarButton>
          </>
        )}
      </div>

      {choosingPicture ? (
        <MediaPickerDialog
          title="Put a picture in the body"
          onChoose={(picture) => {
            // At the cursor, as a block of its own; the cursor goes on after it.
            chain()?.insertContent({ type: "figure", attrs: { media: picture.id } }).run();
          }}
          onClose={() => {
            setChoosingPicture(false);
            if (editor && !editor.view.hasFocus()) editor.view.focus();
          }}
        />
      ) : null}

      {linkEdit ? (
        <LinkForm
          key={`${linkEdit.from}-${linkEdit.to}`}
          askText={linkEdit.askText}
          initialHref={linkEdit.href}
          check={linkProblem}
          onApply={applyLink}
          onRemove={linkEdit.href ? removeLink : undefined}
          onCancel={closeLinkForm}
        />
      ) : null}

      {ready ? (
        <EditorContent editor={editor} />
      ) : (
        // Server render / before the editor mounts: same box, same size.
        <div
          aria-hidden="true"
          className={[EDITOR_CLASS, invalid ? "border-red-600" : "border-slate-300", "bg-white"].join(" ")}
        >
          <p className="text-slate-500">Loading editor…</p>
        </div>
      )}

      <input type="hidden" name={name} value={html} />
    </div>
  );
}
