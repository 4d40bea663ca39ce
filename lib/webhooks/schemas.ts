import { z } from "zod";
import { isCleanText, textSchema } from "@/lib/text-input";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";

const MAX_URL = 2000;

const endpointUrl = z
  .string({ message: "Give the endpoint's address" })
  .trim()
  .min(1, "Give the endpoint's address")
  .max(MAX_URL, `An address of at most ${MAX_URL} characters`)
  .refine((value) => {
    // An address is refused, not cleaned, for what text input would take out (control characters,
    // lone surrogates, which PostgreSQL cannot store): it would no longer be the address given.
    if (!isCleanText(value)) return false;
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "An http:// or https:// address, such as https://example.com/hooks/dateline, with no user name or password in it");

const events = z
  .array(z.enum(WEBHOOK_EVENTS, { message: `Events are among: ${WEBHOOK_EVENTS.join(", ")}` }), { message: "Choose the events to send" })
  .min(1, "Choose at least one event")
  .transform((list) => WEBHOOK_EVENTS.filter((event) => list.includes(event)));

const description = textSchema()
  .max(200, "A description of at most 200 characters")
  .transform((value) => value || null);

export const createWebhookSchema = z.strictObject({ url: endpointUrl, events, description: description.optional() });
export const updateWebhookSchema = z.strictObject({ url: endpointUrl.optional(), events: events.optional(), description: description.nullish(), enabled: z.boolean().optional() });
