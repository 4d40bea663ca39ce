import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { updateStory } from "@/lib/stories/update-story";
import { publishStory } from "@/lib/stories/publish-story";
import { ingestWireItem } from "@/lib/wire-ingest/ingest-wire-item";
import { SYSTEM, type Actor, type Role } from "@/lib/auth/permissions";
import type { TagType } from "@/lib/stories/schemas";

type DemoStory = { file: string; receivedAt: string; publishAt: string; headline: string; standfirst: string; tags: { name: string; type: TagType }[] };
export type DemoLogin = { role: Role; email: string; password: string };

const SEED_DIR = path.resolve("prisma/seed");
const demoStories = (): DemoStory[] =>
  (JSON.parse(fs.readFileSync(path.join(SEED_DIR, "demo-stories.json"), "utf8")) as { stories: DemoStory[] }).stories;

/**
 * Fills an empty database with one user per role and the demo stories, made the way a newsroom
 * makes them: the agency copy is ingested, an editor writes the headline and tags, and publishes.
 * Passwords are random, printed once and kept in .data/demo-logins.txt by `npm start`.
 */
export async function seedDemo(): Promise<DemoLogin[] | null> {
  if ((await db.user.count({ where: { active: true } })) > 0) return null;
  const logins: DemoLogin[] = (["admin", "editor", "writer"] as const).map((role) => ({
    role,
    email: `${role}@dateline.local`,
    password: randomBytes(9).toString("base64url"),
  }));
  const users: Record<string, Actor> = {};
  for (const login of logins) {
    const user = await createUser({ actor: SYSTEM, input: { ...login, name: `Demo ${login.role}` } });
    users[login.role] = { id: user.id, email: user.email, name: user.name, role: user.role };
  }
  for (const demo of demoStories()) {
    const raw = fs.readFileSync(path.join(SEED_DIR, "wire", demo.file));
    const { story } = await ingestWireItem({ actor: users.writer, via: { channel: "newsroom", apiKeyId: null }, raw, receivedAt: new Date(demo.receivedAt), tags: demo.tags });
    const edited = await updateStory({ actor: users.writer, id: story.id, input: { version: story.version, headline: demo.headline, standfirst: demo.standfirst, tags: demo.tags } });
    await publishStory({ actor: users.editor, id: edited.id, input: { at: demo.publishAt } });
  }
  return logins;
}
