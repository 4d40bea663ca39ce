"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { createWebhook, deleteWebhook, updateWebhook } from "@/lib/webhooks/manage-webhooks";
import { resendDelivery } from "@/lib/webhooks/deliver-webhook";

// Every action here is for admins; the lib functions check the permission (webhook.manage) and
// their refusal comes back as the form's message, never as an error page.

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export type WebhookFormState = { message?: string; fields?: Record<string, string[]>; values?: { url: string; description: string; events: string[] }; created?: { url: string; secret: string } };

export async function createWebhookAction(_previous: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  const actor = await requireAdminActor();
  const values = { url: text(form, "url").slice(0, 4000), description: text(form, "description").slice(0, 400), events: form.getAll("events").filter((value): value is string => typeof value === "string") };
  try {
    const webhook = await createWebhook({ actor, input: { url: values.url, events: values.events, description: values.description } });
    revalidatePath("/admin/webhooks");
    return { created: { url: webhook.url, secret: webhook.secret } };
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fields: error.fields, values };
    throw error;
  }
}

export type WebhookChangeState = { message?: string; saved?: string };

/** Switches an endpoint off or on, or removes it (the button pressed says which). */
export async function changeWebhookAction(_previous: WebhookChangeState, form: FormData): Promise<WebhookChangeState> {
  const actor = await requireAdminActor();
  const id = text(form, "id");
  const change = text(form, "change");
  try {
    if (change === "delete") await deleteWebhook({ actor, id });
    else await updateWebhook({ actor, id, input: { enabled: change === "enable" } });
    revalidatePath("/admin/webhooks");
    return { saved: change === "delete" ? "Removed." : change === "enable" ? "Switched on." : "Switched off." };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

export async function resendDeliveryAction(_previous: WebhookChangeState, form: FormData): Promise<WebhookChangeState> {
  const actor = await requireAdminActor();
  try {
    await resendDelivery({ actor, id: text(form, "id") });
    revalidatePath("/admin/webhooks");
    return { saved: "Sent again." };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}
