import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { FRONT_TOKEN_HEADER } from "@/lib/serving/reader-shell";

/**
 * The layout with an empty slot and the front's whole pages are the front's alone: it asks for
 * them with the token it shares with this process (scripts/serve-site.ts). Anyone else, however
 * they spell the address, finds nothing here. Each page calls this before it renders anything, so
 * not even its payload reaches a 404. Those pages are rendered on request (never at build time,
 * which has no token).
 */
export async function frontOnly(): Promise<void> {
  const token = process.env.DATELINE_FRONT_TOKEN;
  if (!token || (await headers()).get(FRONT_TOKEN_HEADER) !== token) notFound();
}
