import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { createStory } from "@/lib/stories/create-story";
import { publishStory } from "@/lib/stories/publish-story";
import { SYSTEM, type Actor, type Role } from "@/lib/auth/permissions";
import type { CreateStoryInput } from "@/lib/stories/schemas";

type DemoStory = CreateStoryInput & { publishAt: string };
export type DemoLogin = { role: Role; email: string; password: string };

const demoStories = (): DemoStory[] =>
  (JSON.parse(fs.readFileSync(path.resolve("prisma/seed/demo-stories.json"), "utf8")) as { stories: DemoStory[] }).stories;

/**
 * Fills an empty database with one user per role and the demo stories, published through the
 * same code an editor uses. Passwords are random, printed once and kept in .data/demo-logins.txt.
 */
export async function seedDemo(): Promise<DemoLogin[] | null> {
  if ((await db.user.count()) > 0) return null;
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
  for (const { publishAt, ...input } of demoStories()) {
    const story = await createStory({ actor: users.writer, input });
    await publishStory({ actor: users.editor, id: story.id, input: { at: publishAt } });
  }
  return logins;
}
