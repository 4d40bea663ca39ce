import Link from "next/link";

/** Wire desk › Sources › (this page): the way back to the desk and to the list of sources. */
export function SourcesBreadcrumb({ current }: { current?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-slate-600">
        <li><Link href="/admin/wire" className="underline hover:text-slate-900">Wire desk</Link></li>
        <li aria-hidden="true">›</li>
        <li>
          {current ? (
            <Link href="/admin/wire/sources" className="underline hover:text-slate-900">Sources</Link>
          ) : (
            <span aria-current="page" className="font-medium text-slate-900">Sources</span>
          )}
        </li>
        {current ? (
          <>
            <li aria-hidden="true">›</li>
            <li><span aria-current="page" className="font-medium text-slate-900">{current}</span></li>
          </>
        ) : null}
      </ol>
    </nav>
  );
}
