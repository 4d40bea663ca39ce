// Priority in a word and a colour, never colour alone: flash and bulletin shout, urgent stands
// out, routine stays quiet.
const styles: Record<string, string> = {
  flash: "bg-red-700 text-white ring-2 ring-red-300",
  bulletin: "bg-orange-700 text-white",
  urgent: "bg-amber-200 text-amber-950 ring-1 ring-amber-500",
  routine: "bg-slate-100 text-slate-600",
};

export function PriorityBadge({ priority }: { priority: string | null }) {
  if (!priority) return null;
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide ${styles[priority] ?? styles.routine}`} data-testid="wire-priority">
      {priority}
    </span>
  );
}
