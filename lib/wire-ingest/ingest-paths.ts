import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { ingestWireItems, MAX_WIRE_BYTES, type IngestOutcome, type ItemResult, type WireInput } from "@/lib/wire-ingest/ingest-wire-items";
import { notWireCopy } from "@/lib/wire-ingest/not-wire-copy";
import { folderReader } from "@/lib/media/fetch-wire-picture";

export type IngestSummary = Record<IngestOutcome | "failed" | "skipped", number> & { failures: { file: string; reason: string }[]; skippedFiles: { file: string; reason: string }[] };

const BATCH = 250;
// Files are what the command line ingests (as the Wire desk).
const CLI = { channel: "cli", apiKeyId: null } as const;

/** Every file under the given paths (folders recursively, hidden files skipped), in a stable order. */
export async function listWireFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  const visit = async (target: string) => {
    const stat = await fs.stat(target);
    if (stat.isDirectory()) {
      const entries = (await fs.readdir(target)).filter((name) => !name.startsWith(".")).sort();
      for (const entry of entries) await visit(path.join(target, entry));
    } else {
      // Devices and FIFOs too: ingestFiles skips them, saying so, rather than reading without end.
      files.push(target);
    }
  };
  for (const target of paths) await visit(target);
  return files;
}

/**
 * Ingests files in batches (a batch is one transaction and a few queries). One bad file is
 * counted and reported, never the end of the run: a batch that fails as a whole is retried file
 * by file to find the culprit. `onProgress` is called as files are done.
 */
export async function ingestFiles(options: { actor: Actor; files: string[]; receivedAt?: Date; onProgress?: (done: number) => void }): Promise<IngestSummary> {
  const summary: IngestSummary = { created: 0, updated: 0, pending: 0, withdrawn: 0, duplicate: 0, queued: 0, dropped: 0, failed: 0, skipped: 0, failures: [], skippedFiles: [] };
  const fail = (file: string, reason: string) => {
    summary.failed++;
    summary.failures.push({ file, reason: reason.replace(/\s+/g, " ") });
  };
  // A file of several items (a NewsML-G2 newsMessage) counts each of them.
  const count = (file: string, result: ItemResult) => {
    for (const item of result.ok && result.items ? result.items : [result]) {
      if (item.ok) summary[item.outcome]++;
      else fail(file, item.error.message);
    }
  };

  let done = 0;
  for (let start = 0; start < options.files.length; start += BATCH) {
    const files = options.files.slice(start, start + BATCH);
    const readable: { file: string; input: WireInput }[] = [];
    for (const file of files) {
      const skip = notWireCopy(file);
      if (skip) {
        summary.skipped++;
        summary.skippedFiles.push({ file, reason: skip });
        continue;
      }
      try {
        const stat = await fs.stat(file);
        if (!stat.isFile()) {
          summary.skipped++;
          summary.skippedFiles.push({ file, reason: "not a regular file (a device, FIFO or socket), skipped" });
          continue;
        }
        if (stat.size > MAX_WIRE_BYTES) throw new Error("The item is larger than 1 MB");
        // Pictures it names by path are read from beside it.
        readable.push({ file, input: { raw: await fs.readFile(file), receivedAt: options.receivedAt, readBeside: folderReader(path.dirname(file)) } });
      } catch (error) {
        fail(file, error instanceof Error ? error.message : String(error));
      }
    }
    try {
      const results = await ingestWireItems({ actor: options.actor, via: CLI, items: readable.map((r) => r.input) });
      results.forEach((result, i) => count(readable[i].file, result));
    } catch {
      for (const { file, input } of readable) {
        try {
          count(file, (await ingestWireItems({ actor: options.actor, via: CLI, items: [input] }))[0]);
        } catch (error) {
          fail(file, isAppError(error) || error instanceof Error ? error.message : String(error));
        }
      }
    }
    done += files.length;
    options.onProgress?.(done);
  }
  summary.failures.sort((a, b) => a.file.localeCompare(b.file));
  return summary;
}
