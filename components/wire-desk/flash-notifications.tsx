"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueRow } from "@/lib/wire-desk/queue-row";
import { rowTitle } from "@/components/wire-desk/desk-words";

const STORAGE_KEY = "dateline.wireDesk.notifyFlash";

/**
 * "Notify me of flash items": the editor's own choice, kept in this browser. The Notification
 * API is asked for permission only when the box is ticked, never on opening the desk.
 */
export function useFlashNotifications() {
  const [enabled, setEnabled] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [supported, setSupported] = useState(true);
  const told = useRef(new Set<string>());

  useEffect(() => {
    const available = typeof Notification !== "undefined";
    setSupported(available);
    setEnabled(available && window.localStorage.getItem(STORAGE_KEY) === "1" && Notification.permission === "granted");
  }, []);

  const toggle = useCallback(async (on: boolean) => {
    setProblem(null);
    if (!on) {
      window.localStorage.removeItem(STORAGE_KEY);
      return setEnabled(false);
    }
    const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    if (permission !== "granted") {
      setProblem("The browser refuses this site notifications: allow them in its site settings, then tick again.");
      return setEnabled(false);
    }
    window.localStorage.setItem(STORAGE_KEY, "1");
    setEnabled(true);
  }, []);

  /** Tells of a flash item arriving, once per item. */
  const notify = useCallback(
    (row: QueueRow) => {
      if (!enabled || row.priority !== "flash" || row.state !== "new" || told.current.has(row.id)) return;
      told.current.add(row.id);
      const notification = new Notification(`FLASH${row.agency ? ` · ${row.agency}` : ""}`, { body: rowTitle(row), tag: `wire-${row.clusterId}` });
      notification.onclick = () => window.focus();
    },
    [enabled],
  );

  return { enabled, toggle, notify, problem, supported };
}

export function FlashNotifyToggle({ flash }: { flash: ReturnType<typeof useFlashNotifications> }) {
  return (
    <div className="text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" className="h-4 w-4" checked={flash.enabled} disabled={!flash.supported} onChange={(event) => void flash.toggle(event.target.checked)} data-testid="notify-flash" />
        Notify me of flash items
      </label>
      {!flash.supported ? <p className="text-xs text-slate-600">This browser cannot show notifications.</p> : null}
      {flash.problem ? <p className="text-xs text-red-800" role="alert">{flash.problem}</p> : null}
    </div>
  );
}
