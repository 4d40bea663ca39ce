import { escapeHtml } from "@/lib/escape-html";

/** Markup that is already safe: made by `html` from escaped values, or trusted with `rawHtml`. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString() {
    return this.markup;
  }
}

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * A template whose interpolated values are escaped unless they are `SafeHtml` (nested templates,
 * lists of them, or `rawHtml`). `null`, `undefined` and `false` render nothing, as in JSX.
 *
 *     html`<a href="${url}">${title}</a>`
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let markup = strings[0];
  for (let i = 0; i < values.length; i++) markup += render(values[i]) + strings[i + 1];
  return new SafeHtml(markup);
}

/** Markup made safe elsewhere (a body sanitised when it was saved): used as it is. */
export function rawHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
