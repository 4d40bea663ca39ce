"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/auth";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { bulkStories, type BulkResult } from "@/lib/stories/bulk-stories";

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

export type BulkActionState = { summary?: string; results?: BulkResult[]; error?: string; fields?: Record<string, string[]> };

/** The story list's bulk actions: each ticked story through its own verb (lib/stories/bulk-stories.ts). */
export async function bulkStoriesAction(input: { action: string; ids: string[]; tag?: string }): Promise<BulkActionState> {
  const actor = await requireAdminActor();
  try {
    const { results, summary } = await bulkStories({ actor, input });
    revalidatePath("/admin");
    return { summary, results };
  } catch (error) {
    if (isAppError(error)) return { error: error.message, fields: error.fields };
    throw error;
  }
}
