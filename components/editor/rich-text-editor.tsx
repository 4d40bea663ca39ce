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

/** Turns what an editor typed into the link prompt into an absolute href. */
function normaliseHref(input: string): string {
  const url = input.trim();
  const scheme = SCHEME.exec(url);
  if (scheme && !scheme[1].includes(".")) return url; // has a real scheme
  if (BARE_EMAIL.test(url)) return `mailto:${url}`;
  if (url.startsWith("//")) return `https:${url}`;
  return `https://${url}`;
}

// Created once at module level so `useEditor` does not see a new extensions
// array on every render.
const EXTENSIONS = [
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

const EDITOR_CLASS =
  "prose prose-slate max-w-none min-h-[16rem] rounded-b border p-4 focus:outline-none";

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
};

type ToolbarButtonProps = {
  label: string;
  pressed: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
  className?: string;
};

function ToolbarButton({ label, pressed, disabled, onClick, children, className }: ToolbarButtonProps): JSX.Element {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
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
  /** Every change of the body's HTML; `first` is the editor's own reading of `defaultValue`. */
  onChange?: (html: string, first: boolean) => void;
  readOnly?: boolean;
}): JSX.Element {
  const { name, defaultValue, id, label, invalid, describedBy } = props;
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;
  const accessibleName = label ?? "Body";

  const initialContent = useMemo(() => normaliseDefault(defaultValue), [defaultValue]);
  const [html, setHtml] = useState<string>(initialContent);

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
    return { attributes };
  }, [accessibleName, invalid, describedBy, id]);

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    extensions: EXTENSIONS,
    content: initialContent,
    editorProps,
    editable: !props.readOnly,
    onCreate: ({ editor: created }) => {
      const first = serialise(created);
      setHtml(first);
      onChangeRef.current?.(first, true);
    },
    onUpdate: ({ editor: updated }) => {
      const next = serialise(updated);
      setHtml(next);
      onChangeRef.current?.(next, false);
    },
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

  function editLink(): void {
    if (!editor) return;
    const current = editor.getAttributes("link").href;
    const previous = typeof current === "string" ? current : "";
    const answer = window.prompt("Link URL (leave empty to remove the link)", previous || "https://");
    if (answer === null) {
      chain()?.run();
      return;
    }
    const trimmed = answer.trim();
    if (trimmed === "" || trimmed === "https://" || trimmed === "http://") {
      chain()?.extendMarkRange("link").unsetLink().run();
      return;
    }
    const href = normaliseHref(trimmed);
    if (!/^(https?|mailto):/i.test(href) || !isAllowedHref(href)) {
      window.alert("Only http, https and mailto links are allowed.");
      chain()?.run();
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive("link")) {
      // Nothing selected: insert the URL itself as linked text.
      const text = href.replace(/^mailto:/i, "");
      chain()
        ?.insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] })
        .unsetMark("link")
        .run();
      return;
    }
    chain()?.extendMarkRange("link").setLink({ href }).run();
  }

  /** Arrow keys / Home / End move between toolbar buttons (Tab works too). */
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

  return (
    <div className="w-full">
      <div
        role="toolbar"
        aria-label={`${accessibleName} formatting`}
        onKeyDown={onToolbarKeyDown}
        className={[
          "flex flex-wrap items-center gap-1 rounded-t border border-b-0 bg-slate-50 p-1",
          invalid ? "border-red-600" : "border-slate-300",
        ].join(" ")}
      >
        <ToolbarButton
          label="Paragraph"
          pressed={active.paragraph}
          disabled={!ready}
          onClick={() => chain()?.setParagraph().run()}
        >
          P
        </ToolbarButton>
        <ToolbarButton
          label="Heading 2"
          pressed={active.h2}
          disabled={!ready}
          onClick={() => chain()?.toggleHeading({ level: 2 }).run()}
        >
          H2
        </ToolbarButton>
        <ToolbarButton
          label="Heading 3"
          pressed={active.h3}
          disabled={!ready}
          onClick={() => chain()?.toggleHeading({ level: 3 }).run()}
        >
          H3
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          label="Bold"
          pressed={active.bold}
          disabled={!ready}
          onClick={() => chain()?.toggleBold().run()}
          className="font-bold"
        >
          B
        </ToolbarButton>
        <ToolbarButton
          label="Italic"
          pressed={active.italic}
          disabled={!ready}
          onClick={() => chain()?.toggleItalic().run()}
          className="italic"
        >
          I
        </ToolbarButton>
        <ToolbarButton label="Link" pressed={active.link} disabled={!ready} onClick={editLink} className="underline">
          Link
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          label="Quote"
          pressed={active.blockquote}
          disabled={!ready}
          onClick={() => chain()?.toggleBlockquote().run()}
        >
          “ ”
        </ToolbarButton>
        <ToolbarButton
          label="Bulleted list"
          pressed={active.bulletList}
          disabled={!ready}
          onClick={() => chain()?.toggleBulletList().run()}
        >
          • List
        </ToolbarButton>
        <ToolbarButton
          label="Numbered list"
          pressed={active.orderedList}
          disabled={!ready}
          onClick={() => chain()?.toggleOrderedList().run()}
        >
          1. List
        </ToolbarButton>
      </div>

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
