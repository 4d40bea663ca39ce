"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { createSourceAction, updateSourceAction, type SourceFormState } from "@/app/(admin)/admin/wire/sources/actions";
import { ftpAfterTake, httpFormats, type WireRule, type WireSourceKind } from "@/lib/wire-sources/source-settings";
import { Field, inputClass } from "@/components/admin/field";
import { RulesEditor } from "@/components/wire-sources/rules-editor";
import { describedBy } from "@/components/wire-sources/described-by";
import { errorsOf, errorsUnder, ruleDraftOf, sourceInputOf, type HttpSignIn, type RuleDraft, type SourceFormFields } from "@/components/wire-sources/source-input";

/** A stored source as the form edits it: no secret in it (the address is the redacted one). */
export type EditableSource = {
  id: string;
  kind: WireSourceKind;
  name: string;
  agency: string;
  intervalSeconds: number;
  enabled: boolean;
  rules: WireRule[];
  path?: string;
  url?: string;
  format?: string;
  afterTake?: string;
  allowSelfSignedCertificate?: boolean;
  credentialsSet: boolean;
};

const kindLabels: Record<WireSourceKind, string> = { folder: "Watched folder", http: "HTTP feed", ftp: "FTP or FTPS" };
const kindHints: Record<WireSourceKind, string> = {
  folder: "A folder on this server that an agency's FTP push (or a script) drops files into.",
  http: "An RSS 2.0, Atom, NINJS or NewsML-G2 feed, fetched by URL.",
  ftp: "An agency's FTP or FTPS server, from which Dateline fetches the files.",
};
const formatLabels: Record<string, string> = { rss: "RSS 2.0", atom: "Atom", ninjs: "NINJS (JSON)", newsml: "NewsML-G2" };
const afterTakeLabels: Record<string, string> = { delete: "Delete it from the server", move: "Move it into done/ on the server", keep: "Leave it (remember it was taken)" };

// The field names of the schema that have a field of their own here; any other error is said above the form.
const OWN_FIELD = /^(?:name|agency|intervalSeconds|enabled|path|url|format|afterTake|allowSelfSignedCertificate|credentials(?:\..+)?|rules(?:\.\d+(?:\..+)?)?)$/;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function fieldsOf(form: FormData): SourceFormFields {
  return {
    name: text(form, "name"),
    agency: text(form, "agency"),
    intervalSeconds: text(form, "intervalSeconds"),
    enabled: form.get("enabled") === "on",
    path: text(form, "path"),
    url: text(form, "url"),
    format: text(form, "format"),
    signIn: (text(form, "signIn") || "none") as HttpSignIn,
    username: text(form, "username"),
    password: text(form, "password"),
    bearerToken: text(form, "bearerToken"),
    afterTake: text(form, "afterTake"),
    allowSelfSignedCertificate: form.get("allowSelfSignedCertificate") === "on",
  };
}

/** A checkbox whose hint is its description, not part of its name. */
function Checkbox(props: { id: string; name: string; label: string; hint: string; defaultChecked?: boolean }) {
  return (
    <div className="sm:pt-6">
      <div className="flex items-start gap-2 text-sm">
        <input id={props.id} type="checkbox" name={props.name} defaultChecked={props.defaultChecked} className="mt-1" aria-describedby={`${props.id}-hint`} />
        <div>
          <label htmlFor={props.id} className="font-medium">{props.label}</label>
          <p id={`${props.id}-hint`} className="text-xs text-slate-600">{props.hint}</p>
        </div>
      </div>
    </div>
  );
}

/**
 * Adds a source, or edits one (`source`). Secrets are typed into uncontrolled password fields and
 * read only when the form is sent, so they are never held in React state or put back in the page;
 * a stored one is never shown ("set — leave blank to keep"), and the server never sends it.
 */
export function SourceForm({ source }: { source?: EditableSource }) {
  const editing = !!source;
  const [kind, setKind] = useState<WireSourceKind>(source?.kind ?? "folder");
  const [signIn, setSignIn] = useState<HttpSignIn>(source?.credentialsSet ? "login" : "none");
  const [rules, setRules] = useState<RuleDraft[]>(() => (source?.rules ?? []).map(ruleDraftOf));
  const [state, setState] = useState<SourceFormState>({});
  const [pending, startTransition] = useTransition();
  const summary = useRef<HTMLDivElement>(null);
  const errors = state.fields;
  const own = (key: string) => errorsOf(errors, key);
  const others = Object.entries(errors ?? {}).filter(([key]) => !OWN_FIELD.test(key)).flatMap(([, messages]) => messages);
  const secretHint = source?.credentialsSet ? "Set — leave blank to keep" : undefined;

  function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = sourceInputOf(kind, fieldsOf(new FormData(event.currentTarget)), rules, source ? { credentialsSet: source.credentialsSet, shownUrl: source.url } : undefined);
    startTransition(async () => {
      // On success the action goes back to the list; it answers only when something was wrong.
      const answer = source ? await updateSourceAction(source.id, input) : await createSourceAction(input);
      setState(answer ?? {});
      if (answer?.message) requestAnimationFrame(() => summary.current?.focus());
    });
  }

  const credentialsErrors = own("credentials");
  const usernameErrors = errorsUnder(errors, "credentials.username");
  const passwordErrors = errorsUnder(errors, "credentials.password");
  const tokenErrors = errorsUnder(errors, "credentials.bearerToken");

  return (
    <form onSubmit={send} className="space-y-6" noValidate data-testid="source-form">
      <div ref={summary} tabIndex={-1} className="focus:outline-none">
        {state.message ? (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
            <p className="font-medium">{state.message === "Some fields are not valid" ? "Nothing was saved: check the fields marked below." : state.message}</p>
            {others.length ? <ul className="mt-1 list-disc pl-5">{others.map((message) => <li key={message}>{message}</li>)}</ul> : null}
          </div>
        ) : null}
      </div>

      <section className="space-y-4 rounded border border-slate-200 bg-white p-4">
        {editing ? (
          <p className="text-sm"><span className="font-medium">Kind:</span> {kindLabels[kind]} <span className="text-slate-500">(a source's kind cannot change: add a new source instead)</span></p>
        ) : (
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Kind of source</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {(Object.keys(kindLabels) as WireSourceKind[]).map((option) => (
                <label key={option} className={`flex cursor-pointer gap-2 rounded border p-3 text-sm ${kind === option ? "border-slate-700 bg-slate-50" : "border-slate-200"}`}>
                  <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} className="mt-0.5" aria-describedby={`kind-${option}-hint`} />
                  <span>
                    <span className="block font-medium">{kindLabels[option]}</span>
                    <span id={`kind-${option}-hint`} className="block text-xs text-slate-600">{kindHints[option]}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="source-name" label="Name" hint="How the desk names this source, such as ANI English wire" errors={own("name")}>
            <input id="source-name" name="name" defaultValue={source?.name} autoComplete="off" className={inputClass} {...describedBy("source-name", own("name"), true)} />
          </Field>
          <Field id="source-agency" label="Agency" hint="The agency its copy comes from: ANI, PTI, Reuters" errors={own("agency")}>
            <input id="source-agency" name="agency" defaultValue={source?.agency} autoComplete="off" className={inputClass} {...describedBy("source-agency", own("agency"), true)} />
          </Field>
        </div>

        {kind === "folder" ? (
          <Field id="source-path" label="Folder path" hint="The folder's full path on the server, starting with /. Files taken move to done/ or failed/ inside it." errors={own("path")}>
            <input id="source-path" name="path" defaultValue={source?.path} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} {...describedBy("source-path", own("path"), true)} />
          </Field>
        ) : null}

        {kind === "http" ? (
          <>
            <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
              <Field id="source-url" label="Feed address" hint="https://feeds.example.com/wire.xml — no user name or password in it" errors={own("url")}>
                <input id="source-url" name="url" type="url" inputMode="url" defaultValue={source?.url} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} {...describedBy("source-url", own("url"), true)} />
              </Field>
              <Field id="source-format" label="Format" errors={own("format")}>
                <select id="source-format" name="format" defaultValue={source?.format ?? "rss"} className={inputClass} {...describedBy("source-format", own("format"))}>
                  {httpFormats.map((format) => <option key={format} value={format}>{formatLabels[format]}</option>)}
                </select>
              </Field>
            </div>
            <fieldset className="space-y-3" aria-describedby={credentialsErrors ? "source-credentials-error" : undefined}>
              <legend className="text-sm font-medium text-slate-800">Signing in to the feed</legend>
              <Field id="source-sign-in" label="Sign in with" hint={source?.credentialsSet ? "Credentials are set (never shown) — leave the fields blank to keep them" : undefined}>
                <select id="source-sign-in" name="signIn" value={signIn} onChange={(event) => setSignIn(event.target.value as HttpSignIn)} className={inputClass} {...describedBy("source-sign-in", undefined, !!source?.credentialsSet)}>
                  {source?.credentialsSet ? null : <option value="none">Nothing: the feed is open</option>}
                  <option value="login">A user name and password</option>
                  <option value="token">A bearer token</option>
                </select>
              </Field>
              {signIn === "login" ? (
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field id="source-username" label="User name" hint={secretHint} errors={usernameErrors}>
                    <input id="source-username" name="username" autoComplete="off" className={inputClass} {...describedBy("source-username", usernameErrors, !!secretHint)} />
                  </Field>
                  <Field id="source-password" label="Password" hint={secretHint} errors={passwordErrors}>
                    <input id="source-password" name="password" type="password" autoComplete="new-password" className={inputClass} {...describedBy("source-password", passwordErrors, !!secretHint)} />
                  </Field>
                </div>
              ) : null}
              {signIn === "token" ? (
                <Field id="source-token" label="Bearer token" hint={secretHint} errors={tokenErrors}>
                  <input id="source-token" name="bearerToken" type="password" autoComplete="off" className={inputClass} {...describedBy("source-token", tokenErrors, !!secretHint)} />
                </Field>
              ) : null}
              {credentialsErrors ? <p id="source-credentials-error" className="text-sm text-red-700" data-testid="error-source-credentials">{credentialsErrors.join(" ")}</p> : null}
            </fieldset>
          </>
        ) : null}

        {kind === "ftp" ? (
          <>
            <Field id="source-url" label="Server address" hint="ftp:// or ftps:// and the folder: ftps://ftp.example.com/outgoing — the user name and password go below" errors={own("url")}>
              <input id="source-url" name="url" inputMode="url" defaultValue={source?.url} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} {...describedBy("source-url", own("url"), true)} />
            </Field>
            <fieldset className="space-y-3" aria-describedby={credentialsErrors ? "source-credentials-error" : undefined}>
              <legend className="text-sm font-medium text-slate-800">Signing in to the server</legend>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field id="source-username" label="User name" hint={secretHint} errors={usernameErrors}>
                  <input id="source-username" name="username" autoComplete="off" className={inputClass} {...describedBy("source-username", usernameErrors, !!secretHint)} />
                </Field>
                <Field id="source-password" label="Password" hint={secretHint} errors={passwordErrors}>
                  <input id="source-password" name="password" type="password" autoComplete="new-password" className={inputClass} {...describedBy("source-password", passwordErrors, !!secretHint)} />
                </Field>
              </div>
              {credentialsErrors ? <p id="source-credentials-error" className="text-sm text-red-700" data-testid="error-source-credentials">{credentialsErrors.join(" ")}</p> : null}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="source-after-take" label="After taking a file" errors={own("afterTake")}>
                <select id="source-after-take" name="afterTake" defaultValue={source?.afterTake ?? "move"} className={inputClass} {...describedBy("source-after-take", own("afterTake"))}>
                  {ftpAfterTake.map((option) => <option key={option} value={option}>{afterTakeLabels[option]}</option>)}
                </select>
              </Field>
              <Checkbox id="source-self-signed" name="allowSelfSignedCertificate" label="Accept a self-signed certificate" defaultChecked={source?.allowSelfSignedCertificate}
                hint="FTPS only. Anyone between Dateline and the server could then pass for it: only for a server you know." />
            </div>
          </>
        ) : null}

        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="source-interval" label="Poll every (seconds)" hint={kind === "folder" ? "From 1 to 86400; new files are also seen as they land" : "From 5 to 86400"} errors={own("intervalSeconds")}>
            <input id="source-interval" name="intervalSeconds" type="number" inputMode="numeric" min={kind === "folder" ? 1 : 5} max={86400} step={1} defaultValue={source?.intervalSeconds ?? 60} className={inputClass} {...describedBy("source-interval", own("intervalSeconds"), true)} />
          </Field>
          <Checkbox id="source-enabled" name="enabled" label="Enabled" defaultChecked={source?.enabled ?? true} hint="Polled on its interval; a disabled source is kept but not polled." />
        </div>
      </section>

      <section className="rounded border border-slate-200 bg-white p-4">
        <RulesEditor rules={rules} errors={errors} onChange={setRules} />
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {pending ? "Saving…" : editing ? "Save changes" : "Add source"}
        </button>
        <Link href="/admin/wire/sources" className="text-sm underline">Cancel</Link>
      </div>
    </form>
  );
}
