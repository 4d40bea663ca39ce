import { notFound } from "next/navigation";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getWireSource } from "@/lib/wire-sources/list-wire-sources";
import { redactUrl } from "@/lib/wire-sources/source-credentials";
import type { WireRule, WireSourceKind } from "@/lib/wire-sources/source-settings";
import { SourceForm, type EditableSource } from "@/components/wire-sources/source-form";
import { SourcesBreadcrumb } from "@/components/wire-sources/sources-breadcrumb";

export const metadata = { title: "Edit a wire source" };

export default async function EditWireSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminActor();
  if (!can(actor, "wire.sources")) {
    return <p className="rounded border border-slate-200 bg-white p-6 text-slate-700">Only admins manage the wire's ingest sources.</p>;
  }
  const { id } = await params;
  const source = await getWireSource({ actor, id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  // Only what the form shows goes to the browser: the address redacted, of the credentials only whether they are set.
  const editable: EditableSource = {
    id: source.id,
    kind: source.kind as WireSourceKind,
    name: source.name,
    agency: source.agency,
    intervalSeconds: source.intervalSeconds,
    enabled: source.enabled,
    rules: source.rules as WireRule[],
    path: "path" in source ? String(source.path) : undefined,
    url: "url" in source ? redactUrl(String(source.url)) : undefined,
    format: "format" in source ? String(source.format) : undefined,
    afterTake: "afterTake" in source ? String(source.afterTake) : undefined,
    allowSelfSignedCertificate: "allowSelfSignedCertificate" in source ? !!source.allowSelfSignedCertificate : undefined,
    credentialsSet: source.credentials.set,
  };
  return (
    <div className="mx-auto max-w-4xl">
      <SourcesBreadcrumb current={source.name} />
      <h1 className="mb-4 font-serif text-2xl font-bold">Edit “{source.name}”</h1>
      <SourceForm source={editable} />
    </div>
  );
}
