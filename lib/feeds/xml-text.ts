import { escapeHtml } from "@/lib/escape-html";
import { cleanText } from "@/lib/text-input";

// The one way any value enters an XML document here (RSS, Atom, the sitemaps). Characters XML 1.0
// forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) would make the whole file unreadable
// to every subscriber; they are dropped with the rest of what text-input drops at the door (a row
// stored before that, or written to the database by hand, cannot break a feed either). Then &, <,
// > and " become references: the value is character data, never markup, whatever it holds.

/** Text made safe as XML element content or a double-quoted attribute value. */
export const xmlText = (value: string) => escapeHtml(cleanText(value, { multiline: true }));
