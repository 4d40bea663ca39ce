import { z } from "zod";
import { tagNameSchema, tagTypes } from "@/lib/stories/schemas";
import { hasNoNul, NUL_MESSAGE, textSchema } from "@/lib/text-input";
import type { WirePriority } from "@/lib/wire/types";

// The one home of what a wire source's settings may be: the API, the admin form and the
// scheduler all parse with these. Messages are sentences an admin reads beside the field (422).
// No Node modules here, so a form in the browser can use the same schemas.

export const wirePriorities = ["flash", "bulletin", "urgent", "routine"] as const satisfies readonly WirePriority[];
export const sourceKinds = ["folder", "http", "ftp"] as const;
export const httpFormats = ["rss", "atom", "ninjs", "newsml"] as const;
export const ftpAfterTake = ["delete", "move", "keep"] as const;

const MAX_INTERVAL = 86_400;
// Control characters in a user name or password would end the FTP command they are sent in and
// start another; a colon cannot be told apart from the separator in HTTP Basic authentication.
const CONTROL = /[\u0000-\u001f\u007f]/;
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;
const PARENT_SEGMENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;
const AGENCY = /^[\p{L}\p{N}][\p{L}\p{N} .&'-]*$/u;

const secret = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .min(1, `Enter the ${what}`)
    .max(1000, `The ${what} is at most 1000 characters`)
    .refine((value) => !CONTROL.test(value), `The ${what} may not hold control characters or line breaks`);

const loginSchema = z.object({
  username: secret("user name").refine((value) => !value.includes(":"), "The user name may not hold a colon"),
  password: secret("password"),
});
const tokenSchema = z.object({ bearerToken: secret("bearer token") });

/** An HTTP source's credentials: a user name and password (Basic), or a bearer token. */
export const httpCredentialsSchema = z.union([loginSchema.strict(), tokenSchema.strict()], {
  error: "Give either a user name and password, or a bearer token",
});
export const ftpCredentialsSchema = loginSchema.strict();
/** Any source's credentials, as stored encrypted (lib/wire-sources/source-credentials.ts). */
export const sourceCredentialsSchema = httpCredentialsSchema;
export type SourceCredentials = z.infer<typeof sourceCredentialsSchema>;

/** A strict object's message for a field it does not know: `Unknown field "colour": …`. */
function onlyKnown(sentence: string) {
  return {
    error: (issue: { code?: string; keys?: string[] }) =>
      issue.code === "unrecognized_keys" ? `Unknown field${issue.keys?.length === 1 ? "" : "s"} ${(issue.keys ?? []).map((key) => `"${key}"`).join(", ")}: ${sentence}` : undefined,
  };
}

// --- Rules -------------------------------------------------------------------------------------

const matchList = (what: string, plural: string, max: number) => {
  const article = /^[aeiou]/.test(what) ? "An" : "A";
  return z
    .array(textSchema().min(1, `${article} ${what} to match cannot be empty`).max(max, `${article} ${what} to match is at most ${max} characters`), { message: `List the ${plural} to match` })
    .min(1, `List at least one ${what}, or leave the condition out`)
    .max(50, `At most 50 ${plural} in one condition`)
    .optional();
};

const priorityList = z
  .array(z.enum(wirePriorities, { message: "A priority is flash, bulletin, urgent or routine" }))
  .min(1, "List at least one priority, or leave the condition out")
  .optional();

export const ruleConditionSchema = z.strictObject(
  { agency: matchList("agency", "agencies", 40), category: matchList("category", "categories", 100), keyword: matchList("keyword", "keywords", 100), priority: priorityList },
  onlyKnown("A condition is one of agency, category, keyword and priority"),
);

export const ruleActionSchema = z
  .strictObject(
    {
    setPriority: z.enum(wirePriorities, { message: "A priority is flash, bulletin, urgent or routine" }).optional(),
    addTags: z
      .array(z.object({ name: tagNameSchema, type: z.enum(tagTypes, { message: "A tag's type is person, place, organisation or topic" }) }))
      .max(20, "At most 20 tags in one rule")
      .optional(),
    desk: textSchema().min(1, "Name the desk queue").max(40, "A desk queue's name is at most 40 characters").optional(),
    drop: z.literal(true, { message: "drop is true, or left out" }).optional(),
    },
    onlyKnown("An action is one of setPriority, addTags, desk and drop"),
  )
  .refine((then) => then.setPriority || then.addTags?.length || then.desk || then.drop, "A rule needs something to do: set a priority, add tags, route to a desk or drop the item");

/** A rule: every condition given must match (values within one condition are alternatives); no condition matches every item. */
export const wireRuleSchema = z.strictObject({ when: ruleConditionSchema.default({}), then: ruleActionSchema }, onlyKnown("A rule has only when and then"));
export const wireRulesSchema = z.array(wireRuleSchema, { message: "Rules are a list" }).max(50, "At most 50 rules for one source");

export type WireRule = z.infer<typeof wireRuleSchema>;

// --- Sources -----------------------------------------------------------------------------------

const intervalSchema = (min: number) =>
  z
    .number({ message: "The interval is a number of seconds" })
    .int("The interval is a whole number of seconds")
    .min(min, `Poll at most every ${min === 1 ? "second" : `${min} seconds`}`)
    .max(MAX_INTERVAL, "Poll at least once a day (86400 seconds)");

const common = (minInterval: number) => ({
  name: textSchema({ message: "Give the source a name" }).min(1, "Give the source a name").max(100, "A source's name is at most 100 characters"),
  agency: textSchema({ message: "Name the agency this source speaks for" })
    .min(1, "Name the agency this source speaks for")
    .max(40, "An agency's code is at most 40 characters")
    .regex(AGENCY, "An agency's code is letters and digits, such as ANI, PTI or Reuters"),
  intervalSeconds: intervalSchema(minInterval),
  enabled: z.boolean({ message: "enabled is true or false" }).default(true),
  rules: wireRulesSchema.default([]),
});

/** A URL of one of the schemes, without a user name or password in it (those belong in credentials, stored encrypted). */
const urlSchema = (schemes: string[], example: string) =>
  z
    .string({ message: `Enter the address, such as ${example}` })
    .refine(hasNoNul, NUL_MESSAGE)
    .trim()
    .refine((value) => {
      try {
        return schemes.includes(new URL(value).protocol.slice(0, -1));
      } catch {
        return false;
      }
    }, `Enter an address such as ${example}`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return !url.username && !url.password;
      } catch {
        return true;
      }
    }, "Put the user name and password in the credentials, not in the address");

export const folderSourceSchema = z.strictObject(
  {
    kind: z.literal("folder"),
    path: textSchema({ message: "Enter the folder's full path" })
      .min(1, "Enter the folder's full path")
      .max(1000, "A path is at most 1000 characters")
      .regex(ABSOLUTE_PATH, "Enter the folder's full path, starting with /")
      .refine((value) => !PARENT_SEGMENT.test(value), "The path may not go up with .."),
    afterTake: z.literal("move", { message: "A folder's files are moved to done/ or failed/ once taken" }).default("move"),
    ...common(1),
  },
  onlyKnown("a folder source has kind, path, afterTake, name, agency, intervalSeconds, enabled and rules"),
);

export const httpSourceSchema = z.strictObject(
  {
    kind: z.literal("http"),
    url: urlSchema(["http", "https"], "https://feeds.example.com/wire.xml"),
    format: z.enum(httpFormats, { message: "The format is rss, atom, ninjs or newsml" }),
    credentials: httpCredentialsSchema.optional(),
    ...common(5),
  },
  onlyKnown("an http source has kind, url, format, credentials, name, agency, intervalSeconds, enabled and rules"),
);

export const ftpSourceSchema = z.strictObject(
  {
    kind: z.literal("ftp"),
    url: urlSchema(["ftp", "ftps"], "ftps://ftp.example.com/outgoing"),
    credentials: ftpCredentialsSchema,
    afterTake: z.enum(ftpAfterTake, { message: "After taking a file: delete, move or keep it" }),
    /** FTPS only: accept a certificate no authority signed. Off unless an admin says so. */
    allowSelfSignedCertificate: z.boolean({ message: "allowSelfSignedCertificate is true or false" }).default(false),
    ...common(5),
  },
  onlyKnown("an ftp source has kind, url, credentials, afterTake, allowSelfSignedCertificate, name, agency, intervalSeconds, enabled and rules"),
);

/** A source as an admin gives it (API, form), credentials included. */
export const wireSourceSchema = z.discriminatedUnion("kind", [folderSourceSchema, httpSourceSchema, ftpSourceSchema], {
  error: "The kind of source is folder, http or ftp",
});

export type FolderSource = z.infer<typeof folderSourceSchema>;
export type HttpSource = z.infer<typeof httpSourceSchema>;
export type FtpSource = z.infer<typeof ftpSourceSchema>;
export type WireSource = z.infer<typeof wireSourceSchema>;
export type WireSourceInput = z.input<typeof wireSourceSchema>;
export type WireSourceKind = WireSource["kind"];

/** What the scheduler keeps in the clear and hands to a poll: the settings without their credentials. */
export type StoredSourceSettings = FolderSource | Omit<HttpSource, "credentials"> | Omit<FtpSource, "credentials">;

/** Splits a parsed source into the settings kept in the clear and the credentials to encrypt. */
export function withoutCredentials(source: WireSource): { settings: StoredSourceSettings; credentials: SourceCredentials | null } {
  if (source.kind === "folder") return { settings: source, credentials: null };
  const { credentials, ...settings } = source;
  return { settings, credentials: credentials ?? null };
}
