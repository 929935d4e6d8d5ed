// Where a priority stands and what moves it on: overdue or closed said in
// words, the residents who said it matters to them, the suggestions it came
// from, its public updates, and the forms to post an update (moving the SARA
// stage with it), close it with an outcome, or reopen it. Each form reloads
// the priority before it says what was saved, so the words sit beside the
// saved state.
import { useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import { priorityEntry, type PriorityRow } from '../../../lib/content/rows.ts';
import { prioritySchema, priorityOutcomes, saraStages } from '../../../lib/content/schemas.ts';
import { fieldErrors, saveContent, type ContentKind } from '../content/contentEdits.ts';
import type { SuggestionRecord } from '../workspace/records.ts';
import { routeHash } from '../workspace/route.ts';
import { read, type Outcome } from '../workspace/staffData.ts';
import { useWorkspace, type Workspace } from '../workspace/words.ts';
import { loadSupporters, type PriorityWithUpdates } from './priorityData.ts';
import { closing, reopening, standing, todayIn, updatePlan } from './priorityDesk.ts';

interface Props {
  item: PriorityWithUpdates;
  /** Reloads the priority and its history; resolves once they are on screen. */
  onChanged(): Promise<void>;
}

export default function PriorityProgress({ item, onChanged }: Props) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk;
  const { priority, updates } = item;
  const [now] = useState(() => new Date());
  const today = todayIn(ws.timeZone, now);
  const state = standing(priority, today);

  return (
    <div className="space-y-8">
      <div className="space-y-2" data-testid="priority-standing">
        <p>
          <strong>{words.standing[state]}</strong> · {format(words.stageOf, { stage: ws.labels.saraStages[priority.stage] })}
          {!priority.published && <span className="ml-2 rounded bg-amber-100 px-2 text-sm">{ws.t.content.draft}</span>}
        </p>
        {state === 'overdue' && priority.review_on && <p className="font-semibold text-alert-700">{format(words.overdueNotice, { date: ws.date(priority.review_on) })}</p>}
        {state === 'closed' && priority.closed_on && priority.outcome && (
          <>
            <p className="font-semibold">{format(words.close.closedNotice, { date: ws.date(priority.closed_on), outcome: words.outcomes[priority.outcome] })}</p>
            <p className="break-words whitespace-pre-line">{priority.outcome_note}</p>
          </>
        )}
        <Supporters id={priority.priority_id} />
        <Suggestions id={priority.priority_id} />
      </div>
      <section aria-labelledby="priority-updates" className="space-y-3">
        <h3 id="priority-updates" className="text-xl font-bold">
          {words.update.listHeading}
        </h3>
        {updates.length === 0 ? (
          <p>{words.update.none}</p>
        ) : (
          <ol className="space-y-3 border-l-2 border-slate-300 pl-4" data-testid="priority-updates">
            {updates.map((update) => (
              <li key={update.position} className="space-y-1">
                <p className="text-sm font-semibold text-slate-700">{format(words.update.entry, { date: ws.date(update.posted_on), stage: ws.labels.saraStages[update.stage] })}</p>
                <p className="break-words whitespace-pre-line">{update.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {state === 'closed' ? <Reopen item={item} today={today} onChanged={onChanged} /> : <PostUpdate item={item} today={today} onChanged={onChanged} />}
      {state !== 'closed' && <Close item={item} today={today} onChanged={onChanged} />}
    </div>
  );
}

function Supporters({ id }: { id: string }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk;
  const [count, setCount] = useState<number | null | 'failed'>(null);
  useEffect(() => {
    let current = true;
    void loadSupporters(ws.client, id).then((outcome) => current && setCount(outcome.kind === 'ok' ? outcome.value : 'failed'));
    return () => {
      current = false;
    };
  }, [ws.client, id]);
  if (count === null) return null;
  return <p>{count === 'failed' ? words.supportersUnknown : format(words.supporters, { count })}</p>;
}

/** The residents' suggestions linked to it, that the member's beats see: the saved link, with the way back to each. */
function Suggestions({ id }: { id: string }) {
  const ws = useWorkspace();
  const [linked, setLinked] = useState<Array<Pick<SuggestionRecord, 'suggestion_id' | 'created_at'>>>([]);
  useEffect(() => {
    let current = true;
    void read<typeof linked>(ws.client.from('priority_suggestions').select('suggestion_id, created_at').eq('priority_id', id).order('created_at')).then(
      (outcome) => current && outcome.kind === 'ok' && setLinked(outcome.value),
    );
    return () => {
      current = false;
    };
  }, [ws.client, id]);
  if (linked.length === 0) return null;
  return (
    <ul className="space-y-1">
      {linked.map((suggestion) => (
        <li key={suggestion.suggestion_id}>
          <a href={routeHash({ view: 'item', kind: 'suggestion', id: suggestion.suggestion_id })} className="text-brand-700 underline">
            {ws.t.priorityDesk.fromSuggestion} · {ws.date(suggestion.created_at)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Why a call saved nothing, in the reader's words. */
function reason(ws: Workspace, outcome: Exclude<Outcome<null>, { kind: 'ok' }>): string {
  const errors = ws.t.actions.errors;
  if (outcome.kind === 'signed_out') return errors.signedOut;
  if (outcome.kind === 'unreachable') return errors.unreachable;
  if (outcome.kind === 'failed' && outcome.forbidden) return errors.forbidden;
  return errors.failed;
}

interface StepFormProps {
  id: string;
  heading: string;
  hint?: string;
  errors: Record<string, string>;
  problem: string | undefined;
  busy: boolean;
  /** What was saved, one sentence a call, said once it is on screen. */
  said: readonly string[];
  submitLabel: string;
  onSubmit(): Promise<void>;
  children: ReactNode;
}

/** A form of this page: heading, errors beside fields and in a summary, a button, and what each call saved. */
function StepForm({ id, heading, hint, errors, problem, busy, said, submitLabel, onSubmit, children }: StepFormProps) {
  const ws = useWorkspace();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) void onSubmit();
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h3 id={`${id}-heading`} className="text-xl font-bold">
        {heading}
      </h3>
      {hint && <p>{hint}</p>}
      <form onSubmit={submit} noValidate className="max-w-2xl space-y-4">
        <ErrorSummary errors={errors} problem={problem} idPrefix={id} heading={ws.t.actions.summary} />
        {children}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClass} aria-disabled={busy || undefined}>
            {busy ? ws.t.actions.saving : submitLabel}
          </button>
          <p role="status" className="font-semibold text-green-800" data-testid={`${id}-said`}>
            {said.join(' ')}
          </p>
        </div>
      </form>
    </section>
  );
}

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

function PostUpdate({ item, today, onChanged }: { item: PriorityWithUpdates; today: string; onChanged(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk.update;
  const { priority } = item;
  const id = 'priority-update';
  const [date, setDate] = useState(today);
  const [stage, setStage] = useState<(typeof saraStages)[number]>(priority.stage);
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | undefined>();
  const [said, setSaid] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // After a save the priority is reloaded: the stage offered is the one it is now in.
  useEffect(() => setStage(priority.stage), [priority.stage]);

  async function post() {
    const found: Record<string, string> = {};
    if (!isDate(date)) found.posted_on = words.dateNeeded;
    if (body.trim() === '' || body.trim().length > 2000) found.body = words.textNeeded;
    setErrors(found);
    setProblem(undefined);
    setSaid([]);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const done: string[] = [];
    let failure: string | undefined;
    for (const step of updatePlan(priority, item.updates, { posted_on: date, stage, body })) {
      const outcome = await saveContent(ws.client, step.kind, { ...step.item }, { create: step.create });
      if (outcome.kind === 'ok') {
        done.push(step.kind === 'priority' ? format(words.stageSaved, { stage: ws.labels.saraStages[step.item.stage] }) : words.posted);
        continue;
      }
      if (step.kind === 'priority') failure = format(words.stageFailed, { reason: reason(ws, outcome) });
      // Another update took the position meanwhile (save_content refuses a taken key): reloaded below, it can be posted again.
      else if (outcome.kind === 'invalid' && outcome.field === 'priority_id') failure = format(words.postFailed, { reason: words.taken });
      else if (outcome.kind === 'invalid' && outcome.field === 'body') failure = format(words.postFailed, { reason: words.textNeeded });
      else failure = format(words.postFailed, { reason: reason(ws, outcome) });
      break;
    }
    // What was saved, if anything, is put on screen before it is said.
    if (done.length > 0 || failure) await onChanged();
    if (!failure) setBody('');
    setSaid(done);
    setProblem(failure);
    setBusy(false);
  }

  return (
    <StepForm id={id} heading={words.heading} hint={words.hint} errors={errors} problem={problem} busy={busy} said={said} submitLabel={words.post} onSubmit={post}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-posted_on`} label={words.date} error={errors.posted_on}>
          {(control) => <input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} className={fieldClass} />}
        </Field>
        <Field id={`${id}-stage`} label={words.stage} hint={words.stageHint} error={errors.stage}>
          {(control) => (
            <select {...control} value={stage} onChange={(event) => setStage(event.target.value as typeof stage)} className={fieldClass}>
              {saraStages.map((value) => (
                <option key={value} value={value}>
                  {ws.labels.saraStages[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={`${id}-body`} label={words.text} error={errors.body}>
        {(control) => <textarea {...control} rows={4} maxLength={2000} value={body} onChange={(event) => setBody(event.target.value)} className={fieldClass} />}
      </Field>
    </StepForm>
  );
}

/**
 * Saves one change of the priority's own columns once the priority schema
 * takes the priority as it would then be: each refusal beside its field.
 */
function useOneSave(item: PriorityWithUpdates, onChanged: () => Promise<void>) {
  const ws = useWorkspace();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | undefined>();
  const [said, setSaid] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const kind: ContentKind = 'priority';

  async function save(change: Partial<PriorityRow>, fields: readonly string[], done: string) {
    setProblem(undefined);
    setSaid([]);
    const next = { ...item.priority, ...change };
    const checked = prioritySchema.safeParse(priorityEntry(next, []));
    const found = checked.success ? {} : fieldErrors(checked.error.issues, kind, ws.t.content.fieldErrors);
    // Only what this form asks for is the reader's to correct here; the rest is the details' form's.
    const own = Object.fromEntries(Object.entries(found).filter(([field]) => fields.includes(field)));
    setErrors(own);
    if (Object.keys(found).length > 0) {
      if (Object.keys(own).length === 0) setProblem(ws.t.actions.errors.failed);
      return;
    }
    setBusy(true);
    const outcome = await saveContent(ws.client, kind, change);
    if (outcome.kind === 'ok') {
      await onChanged();
      setSaid([done]);
    } else if (outcome.kind === 'invalid' && fields.includes(outcome.field)) setErrors({ [outcome.field]: outcome.message });
    else setProblem(reason(ws, outcome));
    setBusy(false);
  }
  return { errors, problem, said, busy, save };
}

function Close({ item, today, onChanged }: { item: PriorityWithUpdates; today: string; onChanged(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk.close;
  const id = 'priority-close';
  const [result, setResult] = useState<(typeof priorityOutcomes)[number]>('resolved');
  const [text, setText] = useState('');
  const [date, setDate] = useState(today);
  const { errors, problem, said, busy, save } = useOneSave(item, onChanged);
  const submit = () => save(closing(item.priority.priority_id, { result, text, closed: date }), ['outcome', 'outcome_note', 'closed_on'], ws.t.actions.saved);
  return (
    <StepForm id={id} heading={words.heading} errors={errors} problem={problem} busy={busy} said={said} submitLabel={words.save} onSubmit={submit}>
      <Field id={`${id}-outcome`} label={words.result} error={errors.outcome}>
        {(control) => (
          <select {...control} value={result} onChange={(event) => setResult(event.target.value as typeof result)} className={fieldClass}>
            {priorityOutcomes.map((value) => (
              <option key={value} value={value}>
                {ws.t.priorityDesk.outcomes[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-outcome_note`} label={words.text} hint={words.textHint} error={errors.outcome_note}>
        {(control) => <textarea {...control} rows={3} maxLength={2000} value={text} onChange={(event) => setText(event.target.value)} className={fieldClass} />}
      </Field>
      <Field id={`${id}-closed_on`} label={words.date} error={errors.closed_on}>
        {(control) => <input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} className={fieldClass} />}
      </Field>
    </StepForm>
  );
}

function Reopen({ item, today, onChanged }: { item: PriorityWithUpdates; today: string; onChanged(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk;
  const id = 'priority-reopen';
  const [date, setDate] = useState('');
  const { errors, problem, said, busy, save } = useOneSave(item, onChanged);
  const submit = () => save(reopening(item.priority.priority_id, isDate(date) ? date : null), ['review_on'], ws.t.actions.saved);
  return (
    <StepForm id={id} heading={words.reopen.heading} hint={words.reopen.hint} errors={errors} problem={problem} busy={busy} said={said} submitLabel={words.reopen.save} onSubmit={submit}>
      <Field id={`${id}-review_on`} label={words.reviewOn} hint={words.reviewOnHint} error={errors.review_on}>
        {(control) => <input {...control} type="date" value={date} min={today} onChange={(event) => setDate(event.target.value)} className={fieldClass} />}
      </Field>
    </StepForm>
  );
}
