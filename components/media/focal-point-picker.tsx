"use client";

import { useId, type KeyboardEvent, type MouseEvent } from "react";
import { renditionFor, srcsetOf, type Picture } from "@/components/media/picture-renditions";

export type FocalPoint = { x: number; y: number };

const clamp = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
const percent = (value: number) => Math.round(value * 100);

/** "42% from the left, 30% from the top": the point as a screen reader says it, and the page shows it. */
export const focalPointText = (point: FocalPoint) => `${percent(point.x)}% from the left, ${percent(point.y)}% from the top`;

const STEP = 0.01;
const BIG_STEP = 0.1;

/**
 * The picture large, and on it the point every crop keeps in view. A click or a tap puts the point
 * there; with the picture focused, the arrow keys move it (Shift: ten steps at a time). It is one
 * slider to assistive technology: its value is the point, said as a position in words.
 */
export function FocalPointPicker({ picture, value, onChange, readOnly }: { picture: Picture; value: FocalPoint; onChange: (point: FocalPoint) => void; readOnly?: boolean }) {
  const hintId = useId();
  const shown = renditionFor(picture, "original", { minWidth: 800 });
  if (!shown) return null;

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onChange({ x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const step = event.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, FocalPoint> = {
      ArrowLeft: { x: value.x - step, y: value.y },
      ArrowRight: { x: value.x + step, y: value.y },
      ArrowUp: { x: value.x, y: value.y - step },
      ArrowDown: { x: value.x, y: value.y + step },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    onChange({ x: clamp(next.x), y: clamp(next.y) });
  };

  return (
    <div>
      <div
        role="slider"
        tabIndex={readOnly ? -1 : 0}
        aria-label="Focal point"
        aria-describedby={hintId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent(value.x)}
        aria-valuetext={focalPointText(value)}
        aria-readonly={readOnly || undefined}
        onClick={onClick}
        onKeyDown={onKeyDown}
        data-testid="focal-point-picker"
        className={`relative inline-block max-w-full overflow-hidden rounded bg-slate-100 align-top focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-500 ${readOnly ? "" : "cursor-crosshair"}`}
      >
        {/* The slider names itself; the picture inside it is what is pointed at, described in the alt text field. */}
        <img
          src={shown.url} srcSet={srcsetOf(picture, "original")} sizes="(min-width: 1024px) 44rem, calc(100vw - 2rem)"
          width={shown.width} height={shown.height} alt="" draggable={false} className="block h-auto max-h-[75vh] w-auto max-w-full select-none"
        />
        <span
          aria-hidden="true" data-testid="focal-point-marker"
          className="pointer-events-none absolute size-9 -translate-x-1/2 -translate-y-1/2 rounded-full border-[3px] border-white shadow-[0_0_0_2px_rgba(15,23,42,0.85)]"
          style={{ left: `${value.x * 100}%`, top: `${value.y * 100}%` }}
        >
          <span className="absolute left-1/2 top-1/2 size-1.5 -translate-x-1/2 -translate-y-1/2 rounded-full bg-white shadow-[0_0_0_1.5px_rgba(15,23,42,0.85)]" />
        </span>
      </div>
      <p id={hintId} className="mt-2 text-sm text-slate-700">
        {readOnly ? "The focal point: every crop keeps it in view." : "Click or tap what every crop must keep in view. With the picture selected, the arrow keys move the point (hold Shift for bigger steps)."}{" "}
        <span className="font-medium" data-testid="focal-point-text">Now: {focalPointText(value)}.</span>
      </p>
    </div>
  );
}
