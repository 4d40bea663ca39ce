/** A labelled form field with its error, wired for screen readers. */
export function Field(props: { id: string; label: string; hint?: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">{props.label}</label>
      {props.hint ? <p id={`${props.id}-hint`} className="text-xs text-slate-500">{props.hint}</p> : null}
      <div className="mt-1">{props.children}</div>
      {props.errors?.length ? (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${props.id}`}>{props.errors.join(" ")}</p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "w-full rounded border border-slate-300 bg-white px-3 py-2 focus:border-slate-600 focus:outline-none focus:ring-2 focus:ring-slate-400 aria-[invalid=true]:border-red-600";
