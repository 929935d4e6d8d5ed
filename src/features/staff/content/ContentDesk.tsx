// The content the member may edit: a list of their meetings and officers,
// and one of them open in its editor. Loaded only when staff open it (the
// schemas and the recurrence rules are a chunk of their own), so the inbox
// stays as light as it was.
import { useCallback, useEffect, useState } from 'react';
import { format } from '../../../lib/i18n/format.ts';
import type { MeetingRow, OfficerRow } from '../../../lib/content/rows.ts';
import BackLink from '../workspace/BackLink.tsx';
import { memberBeats } from '../workspace/content.ts';
import type { StaffMember } from '../workspace/records.ts';
import { useWorkspace } from '../workspace/words.ts';
import { Loading, type LoadState } from './ContentFields.tsx';
import { loadMeetings, loadOfficers, type Published } from './contentEdits.ts';
import MeetingEditor from './MeetingEditor.tsx';
import OfficerEditor from './OfficerEditor.tsx';

export type ContentRoute = { view: 'content' } | { view: 'meeting' | 'officer'; id: string | null };

interface Props {
  route: ContentRoute;
  member: StaffMember;
  onBack(): void;
}

export default function ContentDesk({ route, member, onBack }: Props) {
  const ws = useWorkspace();
  const words = ws.t.content;
  const beats = memberBeats(ws, member);

  useEffect(() => {
    // A new view: focus goes to its heading once it is there, as in the rest of the workspace.
    requestAnimationFrame(() => document.getElementById(route.view === 'content' ? 'content-heading' : 'content-editor-heading')?.focus());
  }, [route]);

  return (
    <div className="space-y-6">
      {route.view === 'content' ? (
        <BackLink href="#inbox" onClick={onBack}>
          {words.backToInbox}
        </BackLink>
      ) : (
        <BackLink href="#content">{words.back}</BackLink>
      )}
      {route.view === 'content' && <ContentList member={member} beats={beats} />}
      {route.view === 'meeting' && <MeetingEditor key={route.id ?? 'new'} id={route.id} beats={beats} />}
      {route.view === 'officer' && <OfficerEditor key={route.id ?? 'new'} id={route.id} member={member} beats={beats} />}
    </div>
  );
}

type Lists = { meetings: Array<Published<MeetingRow>>; officers: Array<Published<OfficerRow>> };

/** Whether a member may edit a meeting: as staff_access.edits decides, from the beats they serve. */
const mine = (member: StaffMember, beats: readonly string[] | null, row: { beats: string[]; district_id: string | null }) =>
  beats === null || row.beats.some((beat) => beats.includes(beat)) || (member.role === 'supervisor' && row.district_id === member.district);

function ContentList({ member, beats }: { member: StaffMember; beats: readonly string[] | null }) {
  const ws = useWorkspace();
  const words = ws.t.content;
  const [state, setState] = useState<LoadState<Lists>>({ phase: 'loading' });

  const load = useCallback(async () => {
    setState({ phase: 'loading' });
    const [meetings, officers] = await Promise.all([loadMeetings(ws.client), loadOfficers(ws.client)]);
    if (meetings.kind !== 'ok' || officers.kind !== 'ok') return setState({ phase: 'failed' });
    setState({ phase: 'loaded', value: { meetings: meetings.value, officers: officers.value } });
  }, [ws.client]);

  useEffect(() => {
    void load();
  }, [load]);

  const officerIsMine = (officer: Published<OfficerRow>) =>
    member.role === 'officer'
      ? officer.officer_id === member.officer_slug
      : member.role === 'coordinator' || officer.district_id === member.district || (officer.beats.length > 0 && officer.beats.every((beat) => beats?.includes(beat)));

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h2 id="content-heading" tabIndex={-1} className="text-2xl font-bold">
          {words.heading}
        </h2>
        <p>{words.intro}</p>
      </div>
      {state.phase !== 'loaded' ? (
        <Loading state={state} onRetry={() => void load()} />
      ) : (
        <>
          <section aria-labelledby="content-meetings" className="space-y-3">
            <h3 id="content-meetings" className="text-xl font-bold">
              {words.meetings}
            </h3>
            <p>
              <a href="#meeting/new" className="text-brand-700 underline">
                {words.newMeeting}
              </a>
            </p>
            <Listing
              empty={words.meetingsNone}
              items={state.value.meetings
                .filter((meeting) => mine(member, beats, meeting))
                .map((meeting) => ({
                  href: `#meeting/${meeting.meeting_id}`,
                  name: meeting.title,
                  where: meeting.beats.length > 0 ? format(words.beatsOf, { beats: meeting.beats.join(', ') }) : format(words.districtOf, { district: meeting.district_id ?? '' }),
                  draft: !meeting.published,
                }))}
            />
          </section>
          <section aria-labelledby="content-officers" className="space-y-3">
            <h3 id="content-officers" className="text-xl font-bold">
              {member.role === 'officer' ? words.ownProfile : words.officers}
            </h3>
            {member.role !== 'officer' && (
              <p>
                <a href="#officer/new" className="text-brand-700 underline">
                  {words.newOfficer}
                </a>
              </p>
            )}
            <Listing
              empty={words.officersNone}
              items={state.value.officers.filter(officerIsMine).map((officer) => ({
                href: `#officer/${officer.officer_id}`,
                name: officer.name,
                where: officer.beats.length > 0 ? format(words.beatsOf, { beats: officer.beats.join(', ') }) : officer.district_id ? format(words.districtOf, { district: officer.district_id }) : '',
                draft: !officer.published,
              }))}
            />
          </section>
        </>
      )}
    </div>
  );
}

function Listing({ items, empty }: { items: Array<{ href: string; name: string; where: string; draft: boolean }>; empty: string }) {
  const { t } = useWorkspace();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 border-y border-slate-200">
      {items.map((item) => (
        <li key={item.href} className="flex flex-wrap items-baseline gap-x-3 py-2">
          <a href={item.href} className="font-semibold text-brand-700 underline">
            {item.name}
          </a>
          <span className="text-slate-700">{item.where}</span>
          {item.draft && <span className="rounded bg-amber-100 px-2 text-sm">{t.content.draft}</span>}
        </li>
      ))}
    </ul>
  );
}
