import { escapeHtml } from "@/lib/escape-html";

// Characters XML 1.0 forbids outright (they would make the whole file unreadable).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text made safe as XML element content or a quoted attribute value. */
export const xmlText = (value: string) => escapeHtml(value.replace(INVALID_XML, ""));
