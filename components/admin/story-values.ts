import type { StoryFormValues } from "@/lib/stories/story-form-values";

// The story editor's fields as values: which of them there are, how two copies of one compare, and
// how the form posts them. Shared by the autosave, the merge of a refused save and the commands.

export const editableFields = [
  "headline", "standfirst", "body", "tags", "datelineLocation", "datelineCountry", "datelineDate", "byline", "agency", "slug", "credits",
  "metaDescription", "socialHeadline", "leadImage",
] as const satisfies readonly (keyof StoryFormValues)[];
export type EditableField = (typeof editableFields)[number];

export const fieldLabels: Record<EditableField, string> = {
  headline: "Headline", standfirst: "Standfirst", body: "Body", tags: "Tags", datelineLocation: "Dateline location",
  datelineCountry: "Dateline country", datelineDate: "Dateline date", byline: "Byline", agency: "Agency", slug: "Slug", credits: "Credits",
  metaDescription: "Meta description", socialHeadline: "Social card title", leadImage: "Lead picture",
};

/** Tags compare by name (any case) and type, in order; the lead picture by which it is; text fields as typed. */
export function sameField(field: EditableField, a: StoryFormValues, b: StoryFormValues): boolean {
  if (field === "leadImage") return (a.leadImage?.id ?? null) === (b.leadImage?.id ?? null);
  if (field === "tags") {
    const key = (tags: StoryFormValues["tags"]) => tags.map((tag) => `${tag.name.toLowerCase()}\u0000${tag.type}`).join("\u0001");
    return key(a.tags) === key(b.tags);
  }
  return a[field] === b[field];
}

export function changedFields(a: StoryFormValues, b: StoryFormValues): EditableField[] {
  return editableFields.filter((field) => !sameField(field, a, b));
}

/** What a save posts: the fields, the tokens of the copy they change, and how to save. */
export function storyFormData(values: StoryFormValues, base: StoryToken, intent: "live" | "draft" | "publishChanges"): FormData {
  const form = new FormData();
  if (base.id) form.set("id", base.id);
  if (base.version) form.set("version", String(base.version));
  if (base.draftSavedAt) form.set("draftSavedAt", base.draftSavedAt);
  form.set("intent", intent);
  for (const field of editableFields) {
    if (field === "tags") form.set(field, JSON.stringify(values.tags));
    else if (field === "leadImage") form.set(field, JSON.stringify(values.leadImage ? { id: values.leadImage.id } : null));
    else form.set(field, values[field]);
  }
  return form;
}

/** Which stored copy the form's values are based on: the story's version, and its draft of changes if it holds one. */
export type StoryToken = { id?: string; version?: number; draftSavedAt?: string | null };
export const tokenKey = (token: StoryToken) => `${token.version ?? 0}|${token.draftSavedAt ?? ""}`;

/** The body as text, for comparing two copies side by side. */
export function bodyText(html: string): string {
  return html.replace(/<\/(p|h[1-6]|li|blockquote)>/gi, "\n").replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").trim();
}

export function fieldText(field: EditableField, values: StoryFormValues): string {
  if (field === "tags") return values.tags.map((tag) => `${tag.name} (${tag.type})`).join(", ") || "no tags";
  if (field === "body") return bodyText(values.body);
  if (field === "leadImage") {
    const picture = values.leadImage?.picture;
    return !values.leadImage ? "no picture" : picture ? [picture.filename, picture.caption].filter(Boolean).join(": ") : "a picture from the library";
  }
  return values[field] || "(empty)";
}
