"use client";

import { useEffect, useRef } from "react";

/**
 * Leaving a page while something is unsaved: the browser asks (reload, closing the tab, typing an
 * address), and a link inside the newsroom saves first and then goes, or stays when the save
 * failed (the page says why). Links opening a new tab, downloads and modified clicks are left alone.
 * `save` saves what is unsaved and tells whether the server now holds it.
 */
export function useLeaveGuard(unsaved: boolean, save: () => Promise<boolean>): void {
  const leaving = useRef(false);
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // A newsroom link that saved first: nothing is left to lose, so no prompt.
      if (leaving.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.hash)) return;
      event.preventDefault();
      event.stopPropagation();
      void save().then((ok) => {
        if (!ok) return;
        leaving.current = true;
        window.location.assign(url.href);
      });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [unsaved, save]);
}
