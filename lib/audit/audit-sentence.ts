import { auditActions, type AuditAction } from "@/lib/audit/audit-actions";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";

/** An audit entry as the log page reads it. */
export type AuditEntryView = {
  action: string;
  at: Date;
  actor: { name: string; email: string } | null;
  story: { id: string; headline: string } | null;
  detail: unknown;
};

/**
 * One entry as a sentence, in parts the page renders (the story as a link): "Priya Sharma
 * published “Headline” at 27 Dec 2023, 14:05 IST", then what the detail adds ("from draft";
 * "Jaishankar into S Jaishankar, 12 stories"). Unknown actions read as their name.
 */
export function auditSentence(entry: AuditEntryView): { who: string; did: string; story: { id: string; headline: string } | null; rest: string } {
  const detail = (entry.detail && typeof entry.detail === "object" ? entry.detail : {}) as Record<string, unknown>;
  const scheduler = detail.by === "scheduler";
  const who = entry.actor?.name ?? (scheduler ? "The scheduler" : "The operator (CLI)");
  const did = auditActions[entry.action as AuditAction] ?? entry.action;
  const extra: string[] = [];
  const name = (value: unknown) => (value && typeof value === "object" && "name" in value ? String((value as { name: unknown }).name) : null);
  switch (entry.action) {
    case "story.publish":
    case "story.schedule":
    case "story.unpublish":
    case "story.kill":
    case "story.submit":
      if (typeof detail.from === "string") extra.push(`from ${detail.from.replace("_", " ")}`);
      if (entry.action === "story.schedule" && typeof detail.at === "string") extra.push(`to go live ${formatNewsroomTime(detail.at)}`);
      if (typeof detail.reason === "string") extra.push(`(${detail.reason})`);
      break;
    case "story.return":
      if (typeof detail.note === "string") extra.push(`with the note “${detail.note.length > 120 ? `${detail.note.slice(0, 119)}…` : detail.note}”`);
      break;
    case "story.restore":
      if (typeof detail.revision === "number") extra.push(`(version ${detail.revision})`);
      break;
    case "story.correct":
      if (typeof detail.kind === "string") extra.push(`(${detail.kind})`);
      break;
    case "tag.rename":
      if (name(detail.from) && name(detail.to)) extra.push(`“${name(detail.from)}” to “${name(detail.to)}”`);
      break;
    case "tag.merge":
      if (name(detail.from) && name(detail.into)) extra.push(`“${name(detail.from)}” into “${name(detail.into)}”${typeof detail.stories === "number" ? `, ${detail.stories} stories` : ""}`);
      break;
    case "tag.retype":
      if (typeof detail.name === "string" && typeof detail.from === "string" && typeof detail.to === "string") extra.push(`“${detail.name}” from ${detail.from} to ${detail.to}`);
      break;
    case "tag.delete":
      if (typeof detail.name === "string") extra.push(`“${detail.name}”${typeof detail.type === "string" ? ` (${detail.type})` : ""}`);
      break;
    case "user.role_change":
      if (typeof detail.email === "string") extra.push(`${detail.email}`);
      if (typeof detail.from === "string" && typeof detail.to === "string") extra.push(`from ${detail.from} to ${detail.to}`);
      break;
    case "user.create":
      if (typeof detail.email === "string") extra.push(`${detail.email}${typeof detail.role === "string" ? ` (${detail.role})` : ""}`);
      break;
    case "user.deactivate":
    case "user.activate":
    case "user.password_set":
    case "user.sign_in_unlock":
      if (typeof detail.email === "string") extra.push(detail.email);
      break;
    case "apikey.create":
    case "apikey.revoke":
      if (typeof detail.prefix === "string") extra.push(`${detail.prefix}…`);
      break;
    case "webhook.create":
    case "webhook.update":
    case "webhook.delete":
      if (typeof detail.url === "string") extra.push(detail.url);
      break;
    case "wire.source_create":
    case "wire.source_update":
      if (typeof detail.name === "string") extra.push(`“${detail.name}”`);
      if (Array.isArray(detail.fields) && detail.fields.length) extra.push(`(${detail.fields.filter((field) => typeof field === "string").join(", ")})`);
      break;
  }
  return { who, did, story: entry.story, rest: extra.join(" ") };
}
