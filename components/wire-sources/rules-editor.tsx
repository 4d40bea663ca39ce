"use client";

import { tagTypes } from "@/lib/stories/schemas";
import { wirePriorities } from "@/lib/wire-sources/source-settings";
import { Field, inputClass } from "@/components/admin/field";
import { emptyRule, errorsOf, errorsUnder, type RuleDraft } from "@/components/wire-sources/source-input";
import { describedBy } from "@/components/wire-sources/described-by";

type Errors = Record<string, string[]> | undefined;

/** One rule's conditions and actions; lists are comma-separated ("ANI, PTI"). */
function RuleFields({ index, rule, errors, onChange, onRemove }: { index: number; rule: RuleDraft; errors: Errors; onChange: (rule: RuleDraft) => void; onRemove: () => void }) {
  const id = `rule-${index}`;
  const base = `rules.${index}`;
  const set = (change: Partial<RuleDraft>) => onChange({ ...rule, ...change });
  const list = (key: "agency" | "category" | "keyword", label: string, hint: string) => {
    const fieldErrors = errorsUnder(errors, `${base}.when.${key}`);
    return (
      <Field id={`${id}-${key}`} label={label} hint={hint} errors={fieldErrors}>
        <input id={`${id}-${key}`} value={rule[key]} onChange={(event) => set({ [key]: event.target.value })} className={inputClass} {...describedBy(`${id}-${key}`, fieldErrors, true)} />
      </Field>
    );
  };
  const whenErrors = errorsOf(errors, `${base}.when`);
  const thenErrors = errorsOf(errors, `${base}.then`) ?? errorsOf(errors, base);
  const priorityErrors = errorsUnder(errors, `${base}.when.priority`);
  const setPriorityErrors = errorsUnder(errors, `${base}.then.setPriority`);
  const deskErrors = errorsUnder(errors, `${base}.then.desk`);
  const tagListErrors = errorsOf(errors, `${base}.then.addTags`);
  return (
    <fieldset className="rounded border border-slate-200 bg-slate-50 p-3" data-testid="rule">
      <legend className="px-1 text-sm font-semibold">Rule {index + 1}</legend>
      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset className="space-y-3" aria-describedby={whenErrors ? `${id}-when-error` : undefined}>
          <legend className="text-xs font-semibold uppercase tracking-wide text-slate-600">When an item matches <span className="font-normal normal-case tracking-normal">(every condition given; none given: every item)</span></legend>
          {list("agency", "Agency is one of", "Agency codes, comma-separated: ANI, PTI")}
          {list("category", "Category is one of", "Comma-separated: Politics, Sport")}
          {list("keyword", "Copy mentions one of", "Keywords, comma-separated: earthquake, cyclone")}
          <fieldset aria-describedby={priorityErrors ? `${id}-priority-error` : undefined}>
            <legend className="text-sm font-medium text-slate-800">Priority is one of</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {wirePriorities.map((priority) => (
                <label key={priority} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    checked={rule.priority.includes(priority)}
                    onChange={(event) => set({ priority: event.target.checked ? [...rule.priority, priority] : rule.priority.filter((chosen) => chosen !== priority) })}
                  />
                  {priority}
                </label>
              ))}
            </div>
            {priorityErrors ? <p id={`${id}-priority-error`} className="mt-1 text-sm text-red-700">{priorityErrors.join(" ")}</p> : null}
          </fieldset>
          {whenErrors ? <p id={`${id}-when-error`} className="text-sm text-red-700">{whenErrors.join(" ")}</p> : null}
        </fieldset>
        <fieldset className="space-y-3" aria-describedby={thenErrors ? `${id}-then-error` : undefined}>
          <legend className="text-xs font-semibold uppercase tracking-wide text-slate-600">Then</legend>
          <Field id={`${id}-set-priority`} label="Set the priority to" errors={setPriorityErrors}>
            <select id={`${id}-set-priority`} value={rule.setPriority} onChange={(event) => set({ setPriority: event.target.value as RuleDraft["setPriority"] })} className={inputClass} {...describedBy(`${id}-set-priority`, setPriorityErrors)}>
              <option value="">(keep the agency's)</option>
              {wirePriorities.map((priority) => <option key={priority} value={priority}>{priority}</option>)}
            </select>
          </Field>
          <fieldset aria-describedby={tagListErrors ? `${id}-tags-error` : undefined}>
            <legend className="text-sm font-medium text-slate-800">Add tags</legend>
            <ul className="mt-1 space-y-2">
              {rule.tags.map((tag, tagIndex) => {
                const tagId = `${id}-tag-${tagIndex}`;
                const nameErrors = errorsUnder(errors, `${base}.then.addTags.${tagIndex}.name`);
                const typeErrors = errorsUnder(errors, `${base}.then.addTags.${tagIndex}.type`);
                const change = (patch: Partial<typeof tag>) => set({ tags: rule.tags.map((other, at) => (at === tagIndex ? { ...other, ...patch } : other)) });
                return (
                  <li key={tagIndex} className="flex flex-wrap items-start gap-2">
                    <div className="min-w-0 flex-1 basis-40">
                      <label htmlFor={`${tagId}-name`} className="sr-only">Tag {tagIndex + 1} name</label>
                      <input id={`${tagId}-name`} value={tag.name} placeholder="Tag name" onChange={(event) => change({ name: event.target.value })} className={inputClass} {...describedBy(`${tagId}-name`, nameErrors)} />
                      {nameErrors ? <p id={`${tagId}-name-error`} className="mt-1 text-sm text-red-700">{nameErrors.join(" ")}</p> : null}
                    </div>
                    <div>
                      <label htmlFor={`${tagId}-type`} className="sr-only">Tag {tagIndex + 1} type</label>
                      <select id={`${tagId}-type`} value={tag.type} onChange={(event) => change({ type: event.target.value as typeof tag.type })} className={inputClass} {...describedBy(`${tagId}-type`, typeErrors)}>
                        {tagTypes.map((type) => <option key={type} value={type}>{type}</option>)}
                      </select>
                      {typeErrors ? <p id={`${tagId}-type-error`} className="mt-1 text-sm text-red-700">{typeErrors.join(" ")}</p> : null}
                    </div>
                    <button type="button" onClick={() => set({ tags: rule.tags.filter((_, at) => at !== tagIndex) })} className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">
                      Remove<span className="sr-only"> tag {tagIndex + 1}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            <button type="button" onClick={() => set({ tags: [...rule.tags, { name: "", type: "topic" }] })} className="mt-2 rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
              Add a tag
            </button>
            {tagListErrors ? <p id={`${id}-tags-error`} className="mt-1 text-sm text-red-700">{tagListErrors.join(" ")}</p> : null}
          </fieldset>
          <Field id={`${id}-desk`} label="Route to the desk queue" hint="A queue's name, such as Sport; blank: the general queue" errors={deskErrors}>
            <input id={`${id}-desk`} value={rule.desk} onChange={(event) => set({ desk: event.target.value })} className={inputClass} {...describedBy(`${id}-desk`, deskErrors, true)} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={rule.drop} onChange={(event) => set({ drop: event.target.checked })} />
            Drop the item: it never reaches the desk
          </label>
          {thenErrors ? <p id={`${id}-then-error`} className="text-sm text-red-700" data-testid="rule-error">{thenErrors.join(" ")}</p> : null}
        </fieldset>
      </div>
      <button type="button" onClick={onRemove} className="mt-3 rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-800 hover:bg-red-50">
        Remove rule {index + 1}
      </button>
    </fieldset>
  );
}

/** The rules run on every new item of the source, in order. */
export function RulesEditor({ rules, errors, onChange }: { rules: RuleDraft[]; errors: Errors; onChange: (rules: RuleDraft[]) => void }) {
  const listErrors = errorsOf(errors, "rules");
  return (
    <section aria-labelledby="rules-heading" className="space-y-3">
      <div>
        <h2 id="rules-heading" className="font-medium">Rules</h2>
        <p className="text-sm text-slate-600">Run on every new item from this source, in order: set its priority, tag it, route it to a desk queue, or drop it.</p>
      </div>
      {rules.length === 0 ? <p className="text-sm text-slate-500">No rules: items reach the general queue as the agency sent them.</p> : null}
      {rules.map((rule, index) => (
        <RuleFields
          key={index}
          index={index}
          rule={rule}
          errors={errors}
          onChange={(changed) => onChange(rules.map((other, at) => (at === index ? changed : other)))}
          onRemove={() => onChange(rules.filter((_, at) => at !== index))}
        />
      ))}
      <button type="button" onClick={() => onChange([...rules, emptyRule()])} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
        Add a rule
      </button>
      {listErrors ? <p className="text-sm text-red-700">{listErrors.join(" ")}</p> : null}
    </section>
  );
}
