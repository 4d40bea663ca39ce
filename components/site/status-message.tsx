/** The body of a page that says why there is no story here: withdrawn, not found, unavailable. */
export function StatusMessage({ code, title, children }: { code: number; title: string; children: React.ReactNode }) {
  return (
    <div className="py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">{code}</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-slate-700">{children}</p>
      <p className="mt-6">
        <a href="/" className="font-medium underline">
          Go to the latest stories
        </a>
      </p>
    </div>
  );
}

/** What an address with nothing at it shows, wherever Next or the front answers 404. */
export function NotFoundMessage() {
  return (
    <StatusMessage code={404} title="We could not find that page">
      Nothing is published at this address. It may not be published yet, or the address may be mistyped.
    </StatusMessage>
  );
}
