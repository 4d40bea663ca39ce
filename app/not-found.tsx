
export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">We could not find that page</h1>
      <p className="mt-4 text-slate-700">The story may not be published yet, or the address may be mistyped.</p>
      <p className="mt-6">
        <a href="/" className="font-medium underline">Go to the latest stories</a>
      </p>
    </main>
  );
}
