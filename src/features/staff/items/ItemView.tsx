// One item opened from the inbox: its heading takes focus, Escape or the back
// link returns to the list, and every change reloads it with its history.
// Opening it reads the resident's new answers for the whole team: they are
// marked new here this once, and no longer in the inbox.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { format } from '../../../lib/i18n/format.ts';
import BackLink from '../workspace/BackLink.tsx';
import { hasConversation, loadConversation, markConversationRead, type StaffConversationMessage } from '../workspace/conversationData.ts';
import ConversationView from './ConversationView.tsx';
import History from './History.tsx';
import type { HistoryRecord, ItemKind, SuggestionRecord, TipRecord, WatchGroupRecord, WatchMemberRecord, WorkshopRequestRecord } from '../workspace/records.ts';
import { SuggestionAnswer, SuggestionDetails, SuggestionToPriority } from './SuggestionView.tsx';
import { loadHistory, loadItem, loadMembers } from '../workspace/staffData.ts';
import { TipActions, TipDetails, TipDuplicate } from './TipView.tsx';
import { WatchGroupDetails, WatchGroupMembers, WatchGroupReview } from './WatchGroupView.tsx';
import { useWorkspace } from '../workspace/words.ts';
import { WorkshopOnCalendar, WorkshopRequestDetails, WorkshopSchedule } from './WorkshopRequestView.tsx';

type Loaded =
  | { kind: 'tip'; record: TipRecord; history: HistoryRecord[] }
  | { kind: 'watch_group'; record: WatchGroupRecord; history: HistoryRecord[]; members: WatchMemberRecord[] }
  | { kind: 'workshop_request'; record: WorkshopRequestRecord; history: HistoryRecord[] }
  | { kind: 'suggestion'; record: SuggestionRecord; history: HistoryRecord[] };

interface LoadedConversation {
  messages: StaffConversationMessage[];
  newAnswers: ReadonlySet<number>;
}

type State = { phase: 'loading' } | { phase: 'missing' } | { phase: 'failed' } | { phase: 'loaded'; item: Loaded; conversation: LoadedConversation | null };

interface Props {
  kind: ItemKind;
  id: string;
  onBack(): void;
  /** Something changed: the inbox should load again. */
  onChanged(): void;
}

/** Typing in a field is not a request to leave: Escape there belongs to the field. */
const typing = (target: EventTarget | null) => target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable]');

export default function ItemView({ kind, id, onBack, onChanged }: Props) {
  const ws = useWorkspace();
  const words = ws.t.item;
  const [state, setState] = useState<State>({ phase: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);
  // The workspace hands a new callback each time it draws: the item is not loaded again for that.
  const changed = useRef(onChanged);
  changed.current = onChanged;

  const load = useCallback(async (): Promise<State> => {
    const [record, history, members, conversation] = await Promise.all([
      loadItem(ws.client, kind, id),
      loadHistory(ws.client, kind, id),
      kind === 'watch_group' ? loadMembers(ws.client, id) : Promise.resolve({ kind: 'ok' as const, value: [] }),
      hasConversation(kind) ? loadConversation(ws.client, kind, id) : Promise.resolve({ kind: 'ok' as const, value: null }),
    ]);
    if (record.kind !== 'ok' || history.kind !== 'ok' || members.kind !== 'ok' || conversation.kind !== 'ok') return { phase: 'failed' };
    if (record.value === null) return { phase: 'missing' };
    const messages = conversation.value;
    const newAnswers = new Set((messages ?? []).filter((message) => !message.from_staff && message.read_at === null).map((message) => message.message_id));
    if (newAnswers.size > 0 && hasConversation(kind)) {
      // Read now, for the team; the inbox loses its mark when it loads again.
      await markConversationRead(ws.client, kind, id);
      changed.current();
    }
    return {
      phase: 'loaded',
      item: { kind, record: record.value, history: history.value, members: members.value } as Loaded,
      conversation: messages ? { messages, newAnswers } : null,
    };
  }, [ws.client, kind, id]);

  useEffect(() => {
    let current = true;
    setState({ phase: 'loading' });
    void load().then((next) => {
      if (!current) return;
      setState(next);
      requestAnimationFrame(() => heading.current?.focus());
    });
    return () => {
      current = false;
    };
  }, [load]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || typing(event.target)) return;
      event.preventDefault();
      onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);

  const saved = useCallback(async () => {
    onChanged();
    setState(await load());
  }, [load, onChanged]);

  const title = () => {
    if (state.phase !== 'loaded') return ws.t.kinds[kind];
    const { item } = state;
    if (item.kind === 'tip') return format(words.headings.tip, { category: ws.category('tip', item.record.category) });
    if (item.kind === 'watch_group') return format(words.headings.watch_group, { name: item.record.name });
    if (item.kind === 'suggestion') return format(words.headings.suggestion, { beat: item.record.beat });
    return format(words.headings.workshop_request, { business: item.record.business_name });
  };

  return (
    <article aria-labelledby="staff-item-heading" className="space-y-6">
      <BackLink href="#inbox" onClick={onBack} hint={words.backHint}>
        {words.back}
      </BackLink>
      <h2 id="staff-item-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold break-words focus:outline-none">
        {title()}
      </h2>
      {state.phase === 'loading' && <p role="status">{words.loading}</p>}
      {state.phase === 'missing' && <p>{words.notFound}</p>}
      {state.phase === 'failed' && <p className="font-semibold text-alert-700">{ws.t.loadFailed}</p>}
      {state.phase === 'loaded' && <Loaded item={state.item} conversation={state.conversation} onSaved={saved} />}
    </article>
  );
}

function Loaded({ item, conversation, onSaved }: { item: Loaded; conversation: LoadedConversation | null; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const { t } = ws;
  const section = (id: string, heading: string, body: ReactNode) => (
    <section aria-labelledby={id} className="space-y-3">
      <h3 id={id} className="text-xl font-bold">
        {heading}
      </h3>
      {body}
    </section>
  );
  return (
    <div className="space-y-8">
      {item.kind === 'tip' && (
        <>
          {section('staff-item-given', t.item.given, <TipDetails tip={item.record} />)}
          {section('staff-item-triage', t.actions.tip.heading, <TipActions tip={item.record} onSaved={onSaved} />)}
          {section('staff-item-duplicate', t.actions.tip.duplicateHeading, <TipDuplicate tip={item.record} onSaved={onSaved} />)}
        </>
      )}
      {item.kind === 'watch_group' && (
        <>
          {section('staff-item-given', t.item.given, <WatchGroupDetails group={item.record} />)}
          {section('staff-item-review', t.actions.watchGroup.heading, <WatchGroupReview group={item.record} onSaved={onSaved} />)}
          <WatchGroupMembers group={item.record} members={item.members} headingId="staff-item-members" />
        </>
      )}
      {item.kind === 'workshop_request' && (
        <>
          {section('staff-item-given', t.item.given, <WorkshopRequestDetails request={item.record} />)}
          {section('staff-item-schedule', t.actions.workshop.heading, <WorkshopSchedule request={item.record} onSaved={onSaved} />)}
          <WorkshopOnCalendar request={item.record} headingId="staff-item-meeting" />
        </>
      )}
      {item.kind === 'suggestion' && (
        <>
          {section('staff-item-given', t.item.given, <SuggestionDetails suggestion={item.record} />)}
          {section('staff-item-answer', t.suggestion.answerHeading, <SuggestionAnswer suggestion={item.record} onSaved={onSaved} />)}
          {item.record.status !== 'adopted' && section('staff-item-turn', t.suggestion.turnHeading, <SuggestionToPriority suggestion={item.record} />)}
        </>
      )}
      {conversation !== null &&
        hasConversation(item.kind) &&
        section(
          'staff-item-conversation',
          t.conversation.heading,
          <ConversationView kind={item.kind} id={idOf(item)} messages={conversation.messages} newAnswers={conversation.newAnswers} onSaved={onSaved} />,
        )}
      <History kind={item.kind} history={item.history} headingId="staff-item-history" />
    </div>
  );
}

const idOf = (item: Loaded): string => {
  if (item.kind === 'tip') return item.record.tip_id;
  if (item.kind === 'watch_group') return item.record.watch_group_id;
  if (item.kind === 'workshop_request') return item.record.workshop_request_id;
  return item.record.suggestion_id;
};
