import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { PRESENCE_CHANNEL, STORY_CHANNEL, WIRE_CHANNEL, parseNotification, type StoryEvent } from "@/lib/events/story-events";

type Subscriber = (event: StoryEvent) => void;

// Backoff between attempts to listen again after the database went away: soon at first (a restart
// takes a second or two), then no more than every 10 s while it stays away.
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * One LISTEN connection per server process, however many pages are open, fanning each
 * notification out to the subscribers. Opened with the first subscriber, closed with the last.
 * A lost connection is never fatal: it is opened again with backoff, and subscribers are told to
 * resync, since what changed meanwhile went unheard.
 */
class EventHub {
  private subscribers = new Set<Subscriber>();
  private client: pg.Client | null = null;
  private connecting = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private heardBefore = false;

  private waitingForListen: (() => void)[] = [];

  /** Adds a subscriber; `onListening` is called once changes are being heard (at once if they are). */
  subscribe(subscriber: Subscriber, onListening: () => void = () => {}): () => void {
    this.subscribers.add(subscriber);
    if (this.client) onListening();
    else this.waitingForListen.push(onListening);
    if (!this.client && !this.connecting && !this.retryTimer) void this.connect();
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  private send(event: StoryEvent) {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(event);
      } catch {
        // One page's stream failing is that page's; the others still hear.
      }
    }
  }

  private async connect() {
    this.connecting = true;
    // keepAlive: a connection dropped silently (a NAT, a failover) errors out instead of going deaf.
    const client = new pg.Client({ connectionString: databaseUrl(), keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    client.on("notification", (message) => {
      const event = parseNotification(message.channel, message.payload);
      if (event) this.send(event);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${STORY_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      await client.query(`LISTEN ${WIRE_CHANNEL}`);
    } catch {
      this.connecting = false;
      void client.end().catch(() => {});
      this.retry();
      return;
    }
    this.connecting = false;
    if (this.subscribers.size === 0) {
      void client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    for (const listening of this.waitingForListen.splice(0)) listening();
    if (this.heardBefore) this.send({ type: "resync" });
    this.heardBefore = true;
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => {});
    this.retry();
  }

  private retry() {
    if (this.subscribers.size === 0 || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private stop() {
    this.waitingForListen = [];
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    this.heardBefore = false;
    void client?.end().catch(() => {});
  }
}

// Kept on globalThis so that a development server's module reloads share one connection.
const shared = globalThis as typeof globalThis & { datelineEventHub?: EventHub };

/**
 * Hears every story and presence change from now on; `onListening` once they are being heard
 * (the database connection is up). Returns the function that stops it.
 */
export function subscribeToStoryEvents(subscriber: Subscriber, onListening?: () => void): () => void {
  shared.datelineEventHub ??= new EventHub();
  return shared.datelineEventHub.subscribe(subscriber, onListening);
}
