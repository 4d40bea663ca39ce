import { AppError } from "@/lib/errors";

export const roles = ["writer", "editor", "admin"] as const;
export type Role = (typeof roles)[number];

/**
 * The one permission table. Every server action and route handler asks `requirePermission`;
 * hiding a button in the UI is a convenience, never the check.
 */
export const permissions = {
  "story.read": ["writer", "editor", "admin"],
  "story.create": ["writer", "editor", "admin"],
  // Writers write and edit stories that are not live; live copy is the desk's.
  "story.edit": ["writer", "editor", "admin"],
  "story.edit.live": ["editor", "admin"],
  "story.submit": ["writer", "editor", "admin"],
  "story.publish": ["editor", "admin"],
  "story.unpublish": ["editor", "admin"],
  "story.kill": ["editor", "admin"],
  // A dated correction or update note on a story readers have seen.
  "story.correct": ["editor", "admin"],
  "tag.create": ["writer", "editor", "admin"],
  // Rename and merge tags (their old URLs redirect).
  "tag.manage": ["editor", "admin"],
  "user.manage": ["admin"],
  "audit.read": ["admin"],
  "apikey.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** Who is acting: a signed-in user or an API key's user, always loaded fresh from the database. */
export type Actor = { id: string; email: string; name: string; role: Role };

/**
 * The operator at a shell (the CLI, the seed): trusted because it already holds the database.
 * Named explicitly, so a signed-out request (a null actor) can never be mistaken for it.
 */
export const SYSTEM = Symbol("system operator");
export type Operator = Actor | typeof SYSTEM;

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return !!actor && (permissions[permission] as readonly Role[]).includes(actor.role);
}

export function requirePermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthorized", "Sign in or send an API key");
  if (!can(actor, permission)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not do this (${permission})`);
  }
}
