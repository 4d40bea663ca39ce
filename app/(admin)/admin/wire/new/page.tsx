import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { requirePermission } from "@/lib/auth/permissions";
import { WireIntake } from "@/components/admin/wire-intake";

export const metadata = { title: "New from wire" };

export default async function NewFromWirePage() {
  requirePermission(await requireAdminActor(), "story.create");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 font-serif text-2xl font-bold">New from wire</h1>
      <WireIntake />
    </div>
  );
}
