// The story events an integrator can subscribe to (lib/webhooks), each recorded in the transaction
// of the change it reports (lib/outbox/reader-change.ts, recordStoryChange):
//  - story.published: readers can see it now (published at once, or its scheduled time came);
//  - story.updated: a live story's copy changed (an edit, applied draft changes, a wire update);
//  - story.unpublished: a live story was taken off the site;
//  - story.killed: withdrawn for good (its page answers 410);
//  - story.corrected: a dated correction or update note was added.
export const WEBHOOK_EVENTS = ["story.published", "story.updated", "story.unpublished", "story.killed", "story.corrected"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
