import type { WirePriority } from "@/lib/wire/types";
import type { TagType } from "@/lib/stories/schemas";
import type { WireRule, WireSourceKind } from "@/lib/wire-sources/source-settings";

// What the source form holds, as an admin types it, and the input the API's schema reads
// (lib/wire-sources/source-settings.ts). Nothing is checked here: the server checks the whole
// and answers with field errors, shown beside the fields they name.

export type TagDraft = { name: string; type: TagType };

/** A rule as the form edits it: each list one comma-separated line. */
export type RuleDraft = {
  agency: string;
  category: string;
  keyword: string;
  priority: WirePriority[];
  setPriority: WirePriority | "";
  tags: TagDraft[];
  desk: string;
  drop: boolean;
};

export type HttpSignIn = "none" | "login" | "token";

/** The fields read from the form when it is sent (secrets are read then, never held in state). */
export type SourceFormFields = {
  name: string;
  agency: string;
  intervalSeconds: string;
  enabled: boolean;
  path: string;
  url: string;
  format: string;
  signIn: HttpSignIn;
  username: string;
  password: string;
  bearerToken: string;
  afterTake: string;
  allowSelfSignedCertificate: boolean;
};

export const emptyRule = (): RuleDraft => ({ agency: "", category: "", keyword: "", priority: [], setPriority: "", tags: [], desk: "", drop: false });

/** "ANI, PTI ,," → ["ANI", "PTI"]. */
export function listOf(text: string): string[] {
  return text.split(",").map((part) => part.trim()).filter(Boolean);
}

export function ruleDraftOf(rule: WireRule): RuleDraft {
  return {
    agency: rule.when.agency?.join(", ") ?? "",
    category: rule.when.category?.join(", ") ?? "",
    keyword: rule.when.keyword?.join(", ") ?? "",
    priority: rule.when.priority ?? [],
    setPriority: rule.then.setPriority ?? "",
    tags: (rule.then.addTags ?? []).map((tag) => ({ name: tag.name, type: tag.type })),
    desk: rule.then.desk ?? "",
    drop: !!rule.then.drop,
  };
}

/** A rule draft as the schema reads it: empty conditions and actions left out. */
export function ruleInputOf(draft: RuleDraft): Record<string, unknown> {
  const when: Record<string, unknown> = {};
  for (const key of ["agency", "category", "keyword"] as const) {
    const values = listOf(draft[key]);
    if (values.length) when[key] = values;
  }
  if (draft.priority.length) when.priority = draft.priority;
  const then: Record<string, unknown> = {};
  if (draft.setPriority) then.setPriority = draft.setPriority;
  // A tag row added and left blank is sent as it is: the server says it needs a name.
  if (draft.tags.length) then.addTags = draft.tags.map((tag) => ({ name: tag.name, type: tag.type }));
  if (draft.desk.trim()) then.desk = draft.desk;
  if (draft.drop) then.drop = true;
  return { when, then };
}

/** "60" → 60; anything else is sent as typed, for the server to say what is wrong with it. */
function intervalOf(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return /^-?\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * The input for createWireSource / updateWireSource. On an edit (`editing`) credentials left
 * blank are left out, and so kept; an address the form showed redacted and was not touched is
 * left out too, so the stored one (with its secret query parameters) stays.
 */
export function sourceInputOf(
  kind: WireSourceKind,
  fields: SourceFormFields,
  rules: RuleDraft[],
  editing?: { credentialsSet: boolean; shownUrl?: string },
): Record<string, unknown> {
  const input: Record<string, unknown> = {
    kind,
    name: fields.name,
    agency: fields.agency,
    intervalSeconds: intervalOf(fields.intervalSeconds),
    enabled: fields.enabled,
    rules: rules.map(ruleInputOf),
  };
  const keepCredentials = !!editing?.credentialsSet;
  if (kind === "folder") return { ...input, path: fields.path };
  const url = editing?.shownUrl !== undefined && fields.url === editing.shownUrl ? undefined : fields.url;
  if (url !== undefined) input.url = url;
  if (kind === "http") {
    input.format = fields.format;
    if (fields.signIn === "login" && !(keepCredentials && !fields.username && !fields.password)) input.credentials = { username: fields.username, password: fields.password };
    if (fields.signIn === "token" && !(keepCredentials && !fields.bearerToken)) input.credentials = { bearerToken: fields.bearerToken };
    return input;
  }
  input.afterTake = fields.afterTake;
  input.allowSelfSignedCertificate = fields.allowSelfSignedCertificate;
  if (!(keepCredentials && !fields.username && !fields.password)) input.credentials = { username: fields.username, password: fields.password };
  return input;
}

/**
 * The messages for a field and anything under it ("rules.0.when" gathers "rules.0.when.agency.1"
 * too), the first of each: one empty value can fail several checks, and the first says it best.
 */
export function errorsUnder(fields: Record<string, string[]> | undefined, key: string): string[] | undefined {
  if (!fields) return undefined;
  const found = Object.entries(fields).filter(([name, messages]) => (name === key || name.startsWith(`${key}.`)) && messages.length).map(([, messages]) => messages[0]);
  return found.length ? [...new Set(found)] : undefined;
}

/** The first message for exactly this field. */
export function errorsOf(fields: Record<string, string[]> | undefined, key: string): string[] | undefined {
  const messages = fields?.[key];
  return messages?.length ? messages.slice(0, 1) : undefined;
}
