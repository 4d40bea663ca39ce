"use client";

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * What a confirmation says: a heading naming what will happen and to what ("Kill “Russia and
 * India …”?"), a line on what follows, and a confirm button labelled with the action.
 */
export type ConfirmRequest = {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  /** "danger" for what cannot be undone (kill, delete, deactivate); "caution" for what goes live. */
  tone?: "danger" | "caution";
};

const confirmTone = {
  danger: "bg-red-700 hover:bg-red-800 focus-visible:ring-red-400",
  caution: "bg-amber-700 hover:bg-amber-800 focus-visible:ring-amber-400",
};

/**
 * The one confirmation dialog of the newsroom. A native <dialog> opened with showModal(): the
 * browser traps focus in it, makes the page behind inert and turns Escape into Cancel; focus goes
 * back to whatever opened it.
 */
export function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest | null; onAnswer: (confirmed: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const headingId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!request || !element || element.open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.returnValue = "";
    element.showModal();
  }, [request]);

  if (!request) return null;
  const tone = confirmTone[request.tone ?? "danger"];
  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      aria-describedby={request.body ? bodyId : undefined}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      data-testid="confirm-dialog"
      onClose={(event) => {
        const confirmed = event.currentTarget.returnValue === "confirm";
        // Chromium restores focus itself; other browsers may not, and the opener may have moved.
        if (opener.current?.isConnected) opener.current.focus();
        onAnswer(confirmed);
      }}
    >
      <h2 id={headingId} className="text-lg font-semibold break-words">{request.title}</h2>
      {request.body ? <div id={bodyId} className="mt-2 text-sm text-slate-700">{request.body}</div> : null}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        {/* Cancel first and focused first (the browser focuses the first focusable): Enter on open does no harm. */}
        <button type="button" onClick={() => dialog.current?.close("cancel")} className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400">
          Cancel
        </button>
        <button type="button" onClick={() => dialog.current?.close("confirm")} className={`rounded px-4 py-2 text-sm font-medium text-white focus:outline-none focus-visible:ring-2 ${tone}`}>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/**
 * Asks from code and awaits the answer, for actions that are not one form (bulk actions):
 * `if (await confirm({ title, body, confirmLabel })) …`. Render `dialog` somewhere in the component.
 */
export function useConfirm() {
  const [pending, setPending] = useState<(ConfirmRequest & { resolve: (confirmed: boolean) => void }) | null>(null);
  const confirm = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve })), []);
  const dialog = (
    <ConfirmDialog
      request={pending}
      onAnswer={(confirmed) => {
        pending?.resolve(confirmed);
        setPending(null);
      }}
    />
  );
  return { confirm, dialog };
}

/**
 * A button inside a server-action <form> that asks first: it is type="button", opens the dialog,
 * and on confirm submits its own form with requestSubmit(), so useActionState forms, pending
 * states and validation work as with a plain submit button. `name`/`value` are sent as a submit
 * button's would be (e.g. apply=1), through a hidden submitter.
 */
export function ConfirmButton({
  confirm: request, children, className, disabled, name, value, testId, ready,
}: {
  confirm: ConfirmRequest;
  /** Checked before asking: false when the form is not ready (it says why itself), so nothing opens. */
  ready?: () => boolean;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  name?: string;
  value?: string;
  testId?: string;
}) {
  const { confirm, dialog } = useConfirm();
  const trigger = useRef<HTMLButtonElement>(null);
  const submitter = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={trigger}
        type="button"
        disabled={disabled}
        className={className}
        data-testid={testId}
        onClick={async () => {
          if (ready && !ready()) return;
          if (!(await confirm(request))) return;
          trigger.current?.form?.requestSubmit(submitter.current ?? undefined);
        }}
      >
        {children}
      </button>
      {name ? <button ref={submitter} type="submit" name={name} value={value} hidden tabIndex={-1} aria-hidden="true" /> : null}
      {dialog}
    </>
  );
}
