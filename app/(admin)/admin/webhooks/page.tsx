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
  return `${code}${delivery.lastDurationMs !== null ? ` in ${delivery.lastDurationMs} ms` : ""}`;
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
            {webhook.deliveries.length ? (
              <div className="mt-3 overflow-x-auto">
                <table className="w-full min-w-[36rem] text-left text-sm" data-testid="deliveries">
                  <caption className="sr-only">Latest deliveries to {webhook.url}</caption>
                  <thead className="text-xs uppercase tracking-wide text-slate-500">
                    <tr><th scope="col">Event</th><th scope="col">When</th><th scope="col">Status</th><th scope="col">Last answer</th><th scope="col">Tries</th><th scope="col"><span className="sr-only">Action</span></th></tr>
                  </thead>
                  <tbody>
                    {webhook.deliveries.map((delivery) => (
                      <tr key={delivery.id} className="border-t border-slate-100" data-testid="delivery">
                        <td className="py-1"><code>{delivery.event}</code></td>
                        <td>{formatNewsroomTime(new Date(delivery.createdAt!))}</td>
                        <td className={statusClass[delivery.status]} data-testid="delivery-status">{statusText[delivery.status]}</td>
                        <td className="break-all">{answer(delivery)}</td>
                        <td>{delivery.attempts}</td>
                        <td className="text-right"><ResendButton id={delivery.id} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Nothing sent yet.</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
