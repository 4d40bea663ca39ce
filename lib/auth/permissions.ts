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
  // The wire desk: read the queue, take an item into a draft, dismiss one (for everyone).
  "wire.read": ["writer", "editor", "admin"],
  "wire.take": ["writer", "editor", "admin"],
  "wire.dismiss": ["editor", "admin"],
  // Ingest providers: where copy comes from, with the agencies' credentials.
  "wire.sources": ["admin"],
  // Webhook endpoints (with their signing secrets) and their deliveries.
  "webhook.manage": ["admin"],
  // The media library: pictures uploaded, their captions, credits, alt text and crops.
  "media.read": ["writer", "editor", "admin"],
  "media.upload": ["writer", "editor", "admin"],
  "media.edit": ["writer", "editor", "admin"],
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

/** What each permission lets one do, as the end of "Only editors and admins may …". */
const permissionPhrases: Record<Permission, string> = {
  "story.read": "read stories",
  "story.create": "create stories",
  "story.edit": "edit stories",
  "story.edit.live": "change a story that is live",
  "story.submit": "submit stories for review",
  "story.publish": "publish, schedule or send back stories",
  "story.unpublish": "take stories off the site",
  "story.kill": "kill stories",
  "story.correct": "add corrections and updates",
  "tag.create": "create tags",
  "tag.manage": "rename, merge, retype or delete tags",
  "user.manage": "manage users",
  "audit.read": "read the audit log",
  "apikey.manage": "manage API keys",
  "wire.read": "read the wire desk",
  "wire.take": "take wire copy into a draft",
  "wire.dismiss": "dismiss wire copy from the desk",
  "wire.sources": "manage ingest sources",
  "webhook.manage": "manage webhooks",
  "media.read": "see the media library",
  "media.upload": "upload pictures",
  "media.edit": "change pictures' captions, credits and crops",
};

const plural = (role: Role) => `${role}s`;

/** "a writer", "an editor", "an admin". */
export const withArticle = (role: Role | string) => `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;

/** The refusal, as a sentence: "Only editors and admins may kill stories; you are signed in as a writer." */
export function refusalMessage(role: Role, permission: Permission): string {
  const allowed = (permissions[permission] as readonly Role[]).map(plural);
  const who = allowed.length > 1 ? `${allowed.slice(0, -1).join(", ")} and ${allowed.at(-1)}` : allowed[0];
  return `Only ${who} may ${permissionPhrases[permission]}; you are signed in as ${withArticle(role)}.`;
}

export function requirePermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthorized", "Sign in or send an API key");
  if (!can(actor, permission)) throw new AppError("forbidden", refusalMessage(actor.role, permission));
}
