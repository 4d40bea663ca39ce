import { describe, expect, it } from "vitest";
import { createWebhookSchema, updateWebhookSchema } from "@/lib/webhooks/schemas";

describe("webhook endpoint input", () => {
  it("takes an http(s) address and events, in the events' own order, without repeats", () => {
    expect(createWebhookSchema.parse({ url: " https://example.com/hooks ", events: ["story.killed", "story.published", "story.killed"] })).toEqual({
      url: "https://example.com/hooks",
      events: ["story.published", "story.killed"],
    });
    expect(createWebhookSchema.parse({ url: "http://10.0.0.5:8080/x", events: ["story.updated"], description: "  " }).description).toBeNull();
  });

  it("refuses other schemes, credentials, control characters, unknown events and fields of its own", () => {
    for (const input of [
      { url: "javascript:alert(1)", events: ["story.published"] },
      { url: "file:///etc/passwd", events: ["story.published"] },
      { url: "https://a:b@example.com/", events: ["story.published"] },
      { url: "https://example.com/\u0007", events: ["story.published"] },
      { url: "https://example.com/\ud800", events: ["story.published"] },
      { url: "https://example.com/", events: [] },
      { url: "https://example.com/", events: ["story.created"] },
      { url: "https://example.com/", events: ["story.published"], secret: "whsec_mine" },
    ]) {
      expect(createWebhookSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
    expect(updateWebhookSchema.safeParse({ enabled: "true" }).success).toBe(false);
    // A description is text: what cannot be shown or stored is taken out, NUL refused.
    expect(createWebhookSchema.parse({ url: "https://example.com/", events: ["story.published"], description: "Partner\u202e \u0007feed\ud800" }).description).toBe("Partner feed");
    expect(createWebhookSchema.safeParse({ url: "https://example.com/", events: ["story.published"], description: "a\u0000b" }).success).toBe(false);
    expect(updateWebhookSchema.parse({ enabled: false })).toEqual({ enabled: false });
  });
});
