// Who delivers agency copy, and by which path. A wire item's versions belong to the source that
// first delivered it (lib/wire-ingest/ingest-wire-items.ts): its user, by that path, and through
// the API by that key. Every version the editor shows names its sender in these words.

export type WireChannel = "api" | "newsroom" | "cli" | "source";

/**
 * The path a delivery took: with an API key through the API, signed in, the command line, or an
 * ingest provider polled by the app (lib/wire-sources), named by its source.
 */
export type WirePath = { channel: WireChannel; apiKeyId: string | null; sourceId?: string | null };

/** A sender as it is shown: the user, the path and, through the API, the key's recognisable prefix. */
export type WireSenderView = {
  user: { id: string; name: string; email: string; role: string } | null;
  channel: WireChannel | null;
  apiKeyPrefix: string | null;
  /** The ingest source's name, for copy a source brought in. */
  sourceName?: string | null;
};

const pathWords = (sender: WireSenderView) => {
  if (sender.channel === "api") return sender.apiKeyPrefix ? `API key ${sender.apiKeyPrefix}…` : "an API key";
  if (sender.channel === "newsroom") return "the newsroom (New from wire)";
  if (sender.channel === "cli") return "the command line (wire ingest)";
  if (sender.channel === "source") return sender.sourceName ? `the ingest source “${sender.sourceName}”` : "an ingest source since removed";
  return null;
};

/**
 * "Reuters feed (editor) through API key dl_AbCdEfG…", "Priya Shah (writer) through the newsroom
 * (New from wire)", "Wire desk through the command line (wire ingest)"; for copy received before
 * senders were recorded, what is known and that the rest is not.
 */
export function describeWireSender(sender: WireSenderView): string {
  if (!sender.user) return "a sender not recorded (received before senders were kept)";
  const who = sender.channel === "cli" || sender.channel === "source" ? sender.user.name : `${sender.user.name} (${sender.user.role})`;
  const path = pathWords(sender);
  return path ? `${who} through ${path}` : `${who}, by a path not recorded`;
}
