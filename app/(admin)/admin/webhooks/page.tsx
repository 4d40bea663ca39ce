import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { listWebhooks } from "@/lib/webhooks/manage-webhooks";
import { CreateWebhookForm, ResendButton, WebhookSwitch } from "@/components/admin/webhook-forms";
import type { DeliveryJson } from "@/lib/webhooks/webhook-shape";

export const metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

const statusText: Record<DeliveryJson["status"], string> = { pending: "waiting", delivered: "delivered", failed: "failed" };
const statusClass: Record<DeliveryJson["status"], string> = { pending: "text-amber-800", delivered: "text-emerald-800", failed: "text-red-700" };

function answer(delivery: DeliveryJson): string {
  if (delivery.attempts === 0) return "not tried yet";
  const code = delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : (delivery.lastError ?? "no answer");
  return `${code}${delivery.lastDurationMs !== null ? ` in ${delivery.lastDurationMs} ms` : ""}${delivery.attempts > 1 ? `, try ${delivery.attempts}` : ""}`;
}

export default async function WebhooksPage() {
  const actor = await requireAdminActor();
  if (!can(actor, "webhook.manage")) {
    return <p className="rounded border border-slate-200 bg-white p-6 text-slate-700">Only admins manage webhooks.</p>;
  }
  const webhooks = await listWebhooks({ actor });
  return (
    <>
      <h1 className="mb-2 font-serif text-2xl font-bold">Webhooks</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        Each event is sent to the endpoints that subscribe to it as a signed POST (Standard Webhooks: webhook-id, webhook-timestamp,
        webhook-signature), and tried again with backoff for about a day until the endpoint answers 2xx.
      </p>
      <section className="mb-6 rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-medium">Add a webhook</h2>
        <CreateWebhookForm />
      </section>
      {webhooks.length === 0 ? <p className="text-slate-600">No webhooks yet.</p> : null}
      <ul className="space-y-3" data-testid="webhook-list">
        {webhooks.map((webhook) => (
          <li key={webhook.id} className="rounded border border-slate-200 bg-white p-4" data-testid="webhook">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="break-all font-medium">{webhook.url}</p>
                {webhook.description ? <p className="text-sm text-slate-700">{webhook.description}</p> : null}
                <p className="text-sm text-slate-600">
                  {webhook.enabled ? "On" : "Off"} · {webhook.events.join(", ")} · since {formatNewsroomTime(new Date(webhook.createdAt!))}
                </p>
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer text-slate-700">Signing secret</summary>
                  <p className="break-all font-mono">{webhook.secret}</p>
                </details>
              </div>
              <WebhookSwitch id={webhook.id} url={webhook.url} enabled={webhook.enabled} />
            </div>
            {/* A table on wider screens; on a phone each delivery is a block of its own (no sideways scrolling). */}
            {webhook.deliveries.length ? (
              <table className="mt-3 block w-full max-w-full overflow-hidden text-left text-sm sm:table sm:table-fixed" data-testid="deliveries">
                <caption className="sr-only">Latest deliveries to {webhook.url}</caption>
                <thead className="hidden text-xs uppercase tracking-wide text-slate-500 sm:table-header-group">
                  <tr>
                    <th scope="col" className="w-2/5">Event and story</th>
                    <th scope="col" className="hidden sm:table-cell">When</th>
                    <th scope="col">Status</th>
                    <th scope="col">Last answer</th>
                    <th scope="col" className="hidden w-12 sm:table-cell">Tries</th>
                    <th scope="col" className="w-20"><span className="sr-only">Action</span></th>
                  </tr>
                </thead>
                <tbody className="block sm:table-row-group">
                  {webhook.deliveries.map((delivery) => (
                    <tr key={delivery.id} className="flex flex-wrap items-start gap-x-3 border-t border-slate-100 py-1 align-top sm:table-row" data-testid="delivery">
                      <td className="block w-full min-w-0 basis-full py-1 pr-2 sm:table-cell sm:w-auto">
                        <code className="break-all">{delivery.event}</code>
                        {delivery.storyId ? (
                          <a href={`/admin/stories/${delivery.storyId}`} className="block truncate text-slate-700 underline" title={delivery.headline ?? undefined}>
                            {delivery.headline ?? "a deleted story"}
                          </a>
                        ) : null}
                      </td>
                      <td className="hidden py-1 sm:table-cell">{formatNewsroomTime(new Date(delivery.createdAt!))}</td>
                      <td className={`block py-1 sm:table-cell ${statusClass[delivery.status]}`} data-testid="delivery-status">{statusText[delivery.status]}</td>
                      <td className="block min-w-0 flex-1 break-words py-1 pr-2 sm:table-cell">{answer(delivery)}</td>
                      <td className="hidden py-1 sm:table-cell">{delivery.attempts}</td>
                      <td className="block py-1 text-right sm:table-cell"><ResendButton id={delivery.id} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Nothing sent yet.</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
