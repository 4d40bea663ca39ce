// What a killed story's address shows. The page cache in front (lib/serving) serves it with
// 410 Gone at the story's URL; here it is only the body.
export const metadata = { title: "Story withdrawn", robots: { index: false } };

export default function GonePage() {
  return (
    <div className="py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">410</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">This story has been withdrawn</h1>
      <p className="mt-4 text-slate-700">The newsroom has taken it down for good. It is no longer available on this site.</p>
      <p className="mt-6">
        <a href="/" className="font-medium underline">Go to the latest stories</a>
      </p>
    </div>
  );
}
