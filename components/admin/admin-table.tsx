/**
 * The newsroom's list tables: an optional error, a header row, the rows, or a line when there are
 * none. Below the sm breakpoint (a phone) each row is a block and each cell a line of it, so a
 * list of rows fits the screen instead of scrolling sideways; the header row is not shown there.
 */
export function AdminTable(props: { columns: string[]; testId: string; error?: string; empty: string; rowCount: number; children: React.ReactNode }) {
  return (
    <>
      {props.error ? <p className="mb-4 text-sm text-red-700">{props.error}</p> : null}
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm max-sm:block max-sm:[&_tbody]:block max-sm:[&_td]:block max-sm:[&_td]:py-1 max-sm:[&_tr]:block max-sm:[&_tr]:py-2">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 max-sm:hidden">
            <tr>
              {props.columns.map((column) => (
                <th key={column} scope="col" className="px-4 py-2">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid={props.testId}>
            {props.rowCount === 0 ? (
              <tr><td colSpan={props.columns.length} className="px-4 py-6 text-slate-500">{props.empty}</td></tr>
            ) : (
              props.children
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
