import type { PGlite } from "@electric-sql/pglite";

// PGlite is one Postgres session; pglite-socket shares it among connections by queueing their
// wire-protocol messages. Its own queue keeps a transaction's messages together but lets other
// connections' messages in between one connection's Parse/Bind/Execute and its Sync. Postgres
// holds extended-query replies until Sync, so such interleaving can hand one connection another's
// rows (seen as a tag page rendering a different tag). This queue gives a connection the session
// from its first extended-query message through its Sync, and for a whole transaction.

type Item = { handlerId: number; message: Uint8Array; onData: (data: Uint8Array) => void; resolve: (bytes: number) => void; reject: (error: unknown) => void };

// Frontend messages that open or continue an extended-query batch; Sync ('S') ends it.
const EXTENDED = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
const SYNC = "S".charCodeAt(0);
const QUERY = "Q".charCodeAt(0);
const NOTIFICATION = "A".charCodeAt(0);

/** NotificationResponse messages (channel, payload) in a run of whole backend messages. */
export function notificationsIn(chunks: Uint8Array[]): { channel: string; payload: string }[] {
  const data = Buffer.concat(chunks);
  const found: { channel: string; payload: string }[] = [];
  for (let at = 0; at + 5 <= data.length; ) {
    const length = data.readInt32BE(at + 1);
    if (data[at] === NOTIFICATION) {
      // Int32 process id, then the channel and the payload as C strings.
      const channelStart = at + 9;
      const channelEnd = data.indexOf(0, channelStart);
      const payloadEnd = data.indexOf(0, channelEnd + 1);
      found.push({ channel: data.toString("utf8", channelStart, channelEnd), payload: data.toString("utf8", channelEnd + 1, payloadEnd) });
    }
    at += 1 + length;
  }
  return found;
}

export class SessionQueryQueue {
  private queue: Item[] = [];
  private processing = false;
  /** The connection that holds the session: mid extended-query batch or in a transaction. */
  private owner: number | null = null;
  private ownerMidBatch = false;

  /**
   * The one session's notifications go out in the reply of whichever connection's query caused
   * them, where no listener would hear them; they are handed to this callback as well.
   */
  constructor(
    private readonly db: PGlite,
    private readonly onNotification: (channel: string, payload: string) => void = () => {},
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    this.ownerMidBatch = false;
    await this.process();
  }

  private next(): Item | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        const reply: Uint8Array[] = [];
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                reply.push(data);
                item!.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        for (const { channel, payload } of notificationsIn(reply)) this.onNotification(channel, payload);
        const type = item.message[0];
        if (EXTENDED.has(type)) this.ownerMidBatch = true;
        else if (type === SYNC || type === QUERY) this.ownerMidBatch = false;
        this.owner = this.ownerMidBatch || this.db.isInTransaction() ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
