import { pollFolder } from "@/lib/wire-sources/poll-folder";
import { pollFtp } from "@/lib/wire-sources/poll-ftp";
import { pollHttp } from "@/lib/wire-sources/poll-http";
import type { PollOptions, PollResult } from "@/lib/wire-sources/poll-types";
import { SourceError } from "@/lib/wire-sources/source-error";
import type { SourceCredentials, StoredSourceSettings } from "@/lib/wire-sources/source-settings";

// The scheduler's one entry point: whatever the kind of source, a poll answers as poll-types.ts
// describes, and fails with a SourceError whose message is the source's "last error" in words.

/** One poll of the source: what is new since `state`, each item to be acked after ingest (then `await finish?.()`). */
export async function pollSource(settings: StoredSourceSettings, credentials: SourceCredentials | null, state: unknown, options: PollOptions = {}): Promise<PollResult> {
  switch (settings.kind) {
    case "folder":
      return pollFolder(settings, state, options);
    case "http":
      return pollHttp(settings, credentials, state, options);
    case "ftp":
      if (!credentials || !("username" in credentials)) throw new SourceError("The FTP source has no user name and password: enter them in its settings");
      return pollFtp(settings, credentials, state, options);
  }
}
