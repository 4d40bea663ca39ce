import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { SourceForm } from "@/components/wire-sources/source-form";
import { SourcesBreadcrumb } from "@/components/wire-sources/sources-breadcrumb";

export const metadata = { title: "Add a wire source" };

export default async function NewWireSourcePage() {
  const actor = await requireAdminActor();
  if (!can(actor, "wire.sources")) {
    return <p className="rounded border border-slate-200 bg-white p-6 text-slate-700">Only admins manage the wire's ingest sources.</p>;
  }
  return (
    <div className="mx-auto max-w-4xl">
      <SourcesBreadcrumb current="Add a source" />
      <h1 className="mb-4 font-serif text-2xl font-bold">Add a wire source</h1>
      <SourceForm />
    </div>
  );
}
