const styles: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  in_review: "bg-amber-100 text-amber-900",
  scheduled: "bg-sky-100 text-sky-900",
  published: "bg-emerald-100 text-emerald-900",
  unpublished: "bg-orange-100 text-orange-900",
  killed: "bg-red-100 text-red-900",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium uppercase tracking-wide ${styles[status] ?? styles.draft}`} data-testid="status">
      {status.replace("_", " ")}
    </span>
  );
}
