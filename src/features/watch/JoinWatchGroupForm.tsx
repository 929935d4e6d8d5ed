// Joining an approved neighbourhood watch group: choose the group (narrowed
// by beat, or already chosen by a link with ?group=<id>), then name, email
// and block. The answer is a confirmation, not a receipt: the group's captain
// or the beat's officer writes back. Sent through the shared kit, so a join
// made offline waits in the browser and goes exactly once.
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { publicApi } from '../../lib/api/publicApi.ts';
import { useSubmission } from '../../lib/forms/useSubmission.ts';
import { buttonClass, ErrorSummary, Field, fieldClass, Honeypot, SavedOnDevice, secondaryButtonClass } from '../../components/forms/FormParts.tsx';
import { joinWatchGroup } from './joinWatchGroup.ts';
import { joinErrors, joinSchema, type WatchJoin } from './watch.schema.ts';

export interface JoinableGroup {
  id: string;
  name: string;
  beat: string;
  beatName: string;
}

interface Props {
  t: Messages['watch']['join'];
  forms: Messages['forms'];
  /** The "not an emergency line" sentence, with this jurisdiction's numbers. */
  emergencyNotice: string;
  /** Approved groups, by beat, as of the build. */
  groups: JoinableGroup[];
  /** The finder, for a resident who does not know their beat. */
  findUrl: string;
}

export default function JoinWatchGroupForm({ t, forms, emergencyNotice, groups, findUrl }: Props) {
  const id = useId();
  const { hydrated, phase, errors, problem, submit, startOver } = useSubmission({
    kind: 'watch-joins',
    // The group travels with the answer, so a join sent later from the queue can still name it.
    send: async (join: WatchJoin, key: string) => {
      const outcome = await joinWatchGroup(publicApi(), join, key);
      return outcome.kind === 'stored' ? { kind: 'stored' as const, result: { group: join.watch_group_id } } : outcome;
    },
    t: forms,
  });
  const [beat, setBeat] = useState('');
  const [group, setGroup] = useState('');
  const joinedHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Links from the list of groups name one: ?group=<id>.
    const linked = groups.find((candidate) => candidate.id === new URLSearchParams(window.location.search).get('group'));
    if (linked) {
      setBeat(linked.beat);
      setGroup(linked.id);
    }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, from the address the page was opened with
  useEffect(() => {
    if (phase.name === 'received') joinedHeading.current?.focus();
  }, [phase.name]);

  if (phase.name === 'waiting') return <SavedOnDevice id={id} heading={t.waiting.heading} text={t.waiting.text} headingLevel={2} />;
  if (phase.name === 'received') {
    const joined = groups.find((candidate) => candidate.id === phase.result.group);
    return (
      <section aria-labelledby={`${id}-joined`} className="space-y-4 rounded-lg border border-green-700 bg-green-50 p-6">
        <h2 id={`${id}-joined`} ref={joinedHeading} tabIndex={-1} className="text-2xl font-bold">
          {joined ? format(t.joined.heading, { group: joined.name }) : t.joined.headingUnnamed}
        </h2>
        <p>{t.joined.text}</p>
        <button type="button" onClick={startOver} className={secondaryButtonClass}>
          {t.joined.another}
        </button>
      </section>
    );
  }

  const beats = [...new Map(groups.map((candidate) => [candidate.beat, candidate.beatName]))];
  const shown = groups.filter((candidate) => !beat || candidate.beat === beat);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const input = { watch_group_id: group || undefined, name: text('name'), email: text('email'), block: text('block') };
    const worded = Object.fromEntries(Object.entries(joinErrors(input)).map(([field, code]) => [field, t.errors[code]]));
    const parsed = joinSchema.safeParse(input);
    await submit(parsed.success ? { input: parsed.data } : { errors: worded }, text('website'));
  }

  const sending = phase.name === 'sending';
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`} className="space-y-6">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {t.heading}
      </h2>
      <p>{t.intro}</p>
      <p className="rounded-md border-l-4 border-alert-700 bg-alert-50 px-4 py-3">{emergencyNotice}</p>

      <ErrorSummary errors={errors} problem={problem} idPrefix={id} heading={forms.summary} />

      <Field
        id={`${id}-beat-filter`}
        label={t.beatFilter}
        hint={
          <a href={findUrl} className="text-brand-700 underline">
            {t.findBeat}
          </a>
        }
      >
        {(control) => (
          <select
            {...control}
            value={beat}
            onChange={(event) => {
              const next = event.currentTarget.value;
              setBeat(next);
              if (next && !groups.some((candidate) => candidate.id === group && candidate.beat === next)) setGroup('');
            }}
            className={fieldClass}
          >
            <option value="">{t.allBeats}</option>
            {beats.map(([beatId, name]) => (
              <option key={beatId} value={beatId}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id={`${id}-watch_group_id`} label={t.group} error={errors.watch_group_id}>
        {(control) => (
          <select {...control} name="watch_group_id" value={group} onChange={(event) => setGroup(event.currentTarget.value)} className={fieldClass}>
            <option value="">{t.chooseGroup}</option>
            {shown.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {beat ? candidate.name : format(t.groupInBeat, { group: candidate.name, beat: candidate.beatName })}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id={`${id}-name`} label={t.name} error={errors.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="name" className={fieldClass} />}
      </Field>
      <Field id={`${id}-email`} label={t.email} hint={t.emailHint} error={errors.email}>
        {(control) => <input {...control} name="email" type="email" autoComplete="email" className={fieldClass} />}
      </Field>
      <Field id={`${id}-block`} label={t.block} hint={t.blockHint} error={errors.block}>
        {(control) => <input {...control} name="block" type="text" autoComplete="off" className={fieldClass} />}
      </Field>

      <Honeypot id={id} label={forms.honeypot} />

      <button type="submit" disabled={!hydrated} aria-disabled={sending} className={buttonClass}>
        {sending ? forms.sending : t.submit}
      </button>
    </form>
  );
}
