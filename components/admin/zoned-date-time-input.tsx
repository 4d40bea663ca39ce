"use client";

import { useId, useState, type JSX } from "react";
import {
  dayText, formatClockText, formatDayText, formatDayWithWeekday, formatZonedInstant, parseClockText, parseDayText,
  readZonedDateTime, utcToZonedWallTime, wallTimeText, zoneAbbreviation,
} from "@/lib/site/zoned-time";

// Dates and times in the newsroom's zone and way of writing them ("27 Dec 2023", "14:05"), whatever
// the browser's locale and zone: text fields read leniently (lib/site/zoned-time.ts), not the
// browser's own mm/dd/yyyy pickers. The hidden field posts what the server reads with the same
// functions (zonedFieldToUtc / newsroomFieldToUtc; a day as YYYY-MM-DD).

const inputClass = "mt-1 w-full rounded border px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-600";
const labelClass = "block text-xs font-medium text-slate-700";
const DAY_EXAMPLE = "27 Dec 2023";

export type ZonedDateTimeInputProps = {
  /** The posted field: "2023-12-27T14:05" (the newsroom's wall clock), or what was typed if it names no time. */
  name: string;
  /** The field's name for people: "Publish at", "Embargo until". */
  label: string;
  /** The newsroom's IANA zone (NEWSROOM_TIME_ZONE, e.g. from newsroomTimeZone()). */
  timeZone: string;
  /** The instant shown at first (an ISO string or a Date); empty for none. */
  defaultValue?: string | Date | null;
  /** Words before the instant under the field: "Goes live" → "Goes live Wed 27 Dec 2023, 14:05 IST." */
  describe?: string;
  required?: boolean;
  disabled?: boolean;
  /** An error from the server, shown under the field. */
  error?: string;
  /** Told the instant (ISO) as the editor types, or null while the fields name none. */
  onChange?: (instant: string | null) => void;
  /** The id of the day field; the time field's is this plus "-time". */
  id?: string;
};

function initialWall(value: string | Date | null | undefined, timeZone: string) {
  if (!value) return null;
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : utcToZonedWallTime(date, timeZone);
}

/** A day and a time in the newsroom's zone, with the instant they name said under them. */
export function ZonedDateTimeInput(props: ZonedDateTimeInputProps): JSX.Element {
  const { name, label, timeZone, describe = "", required, disabled, error, onChange } = props;
  const generated = useId();
  const id = props.id ?? generated;
  const start = initialWall(props.defaultValue, timeZone);
  const [day, setDay] = useState(start ? formatDayText(start) : "");
  const [clock, setClock] = useState(start ? formatClockText(start) : "");
  const [touched, setTouched] = useState({ day: false, clock: false });

  const parsedDay = parseDayText(day);
  const parsedClock = parseClockText(clock);
  const read = parsedDay && parsedClock ? readZonedDateTime(`${dayText(parsedDay)}T${formatClockText(parsedClock)}`, timeZone) : null;
  const zoneName = zoneAbbreviation(read?.at ?? new Date(), timeZone);
  const posted = read ? wallTimeText(read.wall) : `${day} ${clock}`.trim();

  const dayProblem = touched.day && day.trim() && !parsedDay ? `Not a day this can read: type it as ${DAY_EXAMPLE}.` : null;
  const clockProblem = touched.clock && clock.trim() && !parsedClock ? "Not a time this can read: type it as 14:05 (24-hour)." : null;
  const problem = dayProblem ?? clockProblem ?? error ?? null;

  function update(nextDay: string, nextClock: string): void {
    setDay(nextDay);
    setClock(nextClock);
    if (!onChange) return;
    const d = parseDayText(nextDay);
    const c = parseClockText(nextClock);
    onChange(d && c ? readZonedDateTime(`${dayText(d)}T${formatClockText(c)}`, timeZone)!.at.toISOString() : null);
  }

  const describedBy = `${id}-said ${problem ? `${id}-problem` : ""}`.trim();
  return (
    <fieldset className="min-w-0" disabled={disabled}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        <div className="w-36">
          <label htmlFor={id} className={labelClass}>Date</label>
          <input
            id={id} value={day} required={required} autoComplete="off" placeholder={DAY_EXAMPLE}
            onChange={(event) => update(event.target.value, clock)}
            // Once read, the day is written back the newsroom's way ("27 dec" → "27 Dec 2023").
            onBlur={() => { setTouched((t) => ({ ...t, day: true })); if (parsedDay) setDay(formatDayText(parsedDay)); }}
            aria-invalid={dayProblem || error ? "true" : undefined} aria-describedby={describedBy}
            className={`${inputClass} ${dayProblem || error ? "border-red-600" : "border-slate-300"}`}
          />
        </div>
        <div className="w-28">
          <label htmlFor={`${id}-time`} className={labelClass}>Time ({zoneName})</label>
          <input
            id={`${id}-time`} value={clock} required={required} autoComplete="off" inputMode="numeric" placeholder="14:05"
            onChange={(event) => update(day, event.target.value)}
            onBlur={() => { setTouched((t) => ({ ...t, clock: true })); if (parsedClock) setClock(formatClockText(parsedClock)); }}
            aria-invalid={clockProblem || error ? "true" : undefined} aria-describedby={describedBy}
            className={`${inputClass} ${clockProblem || error ? "border-red-600" : "border-slate-300"}`}
          />
        </div>
      </div>
      <input type="hidden" name={name} value={posted} />
      <p id={`${id}-said`} className="mt-1 text-xs text-slate-700" aria-live="polite" data-testid={`${name}-said`}>
        {read
          ? `${describe ? `${describe} ` : ""}${formatZonedInstant(read.at, timeZone)}.${read.skipped ? ` ${formatClockText(read.wall)} does not happen that day: the clocks go forward.` : ""}`
          : `Newsroom time (${timeZone}), 24-hour.`}
      </p>
      {problem ? <p id={`${id}-problem`} className="mt-1 text-sm text-red-800" role="alert">{problem}</p> : null}
    </fieldset>
  );
}

export type ZonedDateInputProps = {
  /** The posted field: "2023-12-27", or what was typed if it names no day. */
  name: string;
  label: string;
  /** A calendar day, "2023-12-27"; empty for none. */
  defaultValue?: string | null;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  /** Told the day ("2023-12-27") as the editor types, or null while the field names none. */
  onChange?: (day: string | null) => void;
  id?: string;
};

/** A calendar day (the dateline's date) written the newsroom's way, its weekday said under it. */
export function ZonedDateInput(props: ZonedDateInputProps): JSX.Element {
  const { name, label, required, disabled, error, onChange } = props;
  const generated = useId();
  const id = props.id ?? generated;
  const start = props.defaultValue ? parseDayText(props.defaultValue) : null;
  const [day, setDay] = useState(start ? formatDayText(start) : (props.defaultValue ?? ""));
  const [touched, setTouched] = useState(false);
  const parsed = parseDayText(day);
  const problem = (touched && day.trim() && !parsed ? `Not a day this can read: type it as ${DAY_EXAMPLE}.` : null) ?? error ?? null;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{label}</label>
      <input
        id={id} value={day} required={required} disabled={disabled} autoComplete="off" placeholder={DAY_EXAMPLE}
        onChange={(event) => {
          setDay(event.target.value);
          const read = parseDayText(event.target.value);
          onChange?.(read ? dayText(read) : null);
        }}
        onBlur={() => { setTouched(true); if (parsed) setDay(formatDayText(parsed)); }}
        aria-invalid={problem ? "true" : undefined} aria-describedby={`${id}-said${problem ? ` ${id}-problem` : ""}`}
        className={`${inputClass} ${problem ? "border-red-600" : "border-slate-300"}`}
      />
      <input type="hidden" name={name} value={parsed ? dayText(parsed) : day.trim()} />
      <p id={`${id}-said`} className="mt-1 text-xs text-slate-700" aria-live="polite" data-testid={`${name}-said`}>
        {parsed ? formatDayWithWeekday(parsed) : `e.g. ${DAY_EXAMPLE}`}
      </p>
      {problem ? <p id={`${id}-problem`} className="mt-1 text-sm text-red-800" role="alert">{problem}</p> : null}
    </div>
  );
}
