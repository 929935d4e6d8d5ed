// The content the member may edit: the reports due and the priorities of
// their scope, a list of their meetings and officers (and, for a supervisor, their district's beats; for a coordinator, every
// beat, the districts, the workshop catalogue and the site settings), and one
// of them open in its editor. Loaded only when staff open it (the
// schemas and the recurrence rules are a chunk of their own), so the inbox
// stays as light as it was.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import type { MeetingRow, OfficerRow, WorkshopRow } from '../../../lib/content/rows.ts';
import BackLink from '../workspace/BackLink.tsx';
import { memberBeats } from '../workspace/content.ts';
import type { StaffMember } from '../workspace/records.ts';
import type { ContentRoute } from '../workspace/route.ts';
import type { Outcome } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';
import BeatEditor from './BeatEditor.tsx';
import { Loading, type LoadState } from './ContentFields.tsx';
import { loadBeats, loadDistricts, loadMeetings, loadOfficers, loadWorkshops, type EditedKind, type ListedBeat, type ListedDistrict, type Published } from './contentEdits.ts';
import { beatGroups, editedKinds, editsPlace } from './contentLists.ts';
import DistrictEditor from './DistrictEditor.tsx';
import MeetingEditor from './MeetingEditor.tsx';
import OfficerEditor from './OfficerEditor.tsx';
import SiteEditor from './SiteEditor.tsx';
import WorkshopEditor from './WorkshopEditor.tsx';
import PriorityEditor from '../priorities/PriorityEditor.tsx';
import { PriorityListing, ReportsDue } from '../priorities/PriorityLists.tsx';
import ReportEditor from '../priorities/ReportEditor.tsx';

interface Props {
  route: ContentRoute;
  member: StaffMember;
  onBack(): void;
}

export default function ContentDesk({ route, member, onBack }: Props) {
  const ws = useWorkspace();
  const words = ws.t.content;
  const beats = memberBeats(ws, member);
  // What the member's role does not edit is not offered: the database would refuse it anyway.
  // A report goes with its meeting; the editors themselves refuse what is outside the member's scope.
  const editable = route.view === 'content' || route.view === 'report' || editedKinds(member.role).includes(route.view);

  useEffect(() => {
    // Back in the list: focus goes to its heading, as in the rest of the workspace (an editor focuses its own once loaded).
    if (route.view === 'content') requestAnimationFrame(() => document.getElementById('content-heading')?.focus());
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
      {!editable && (
        <p role="alert" id="content-editor-heading" tabIndex={-1}>
          {words.notYours}
        </p>
      )}
      {editable && route.view === 'meeting' && <MeetingEditor key={route.id ?? 'new'} id={route.id} beats={beats} />}
      {editable && route.view === 'officer' && <OfficerEditor key={route.id ?? 'new'} id={route.id} member={member} beats={beats} />}
      {editable && route.view === 'beat' && <BeatEditor key={route.id} id={route.id} />}
      {editable && route.view === 'district' && <DistrictEditor key={route.id} id={route.id} />}
      {editable && route.view === 'workshop' && <WorkshopEditor key={route.id ?? 'new'} id={route.id} />}
      {editable && route.view === 'site' && <SiteEditor />}
      {editable && route.view === 'priority' && <PriorityEditor key={route.id ?? `new/${route.suggestion ?? ''}`} id={route.id} suggestion={route.suggestion} member={member} beats={beats} />}
      {route.view === 'report' && <ReportEditor key={`${route.meetingId}/${route.date}`} meetingId={route.meetingId} date={route.date} member={member} beats={beats} />}
    </div>
  );
}

type Lists = {
  meetings: Array<Published<MeetingRow>>;
  officers: Array<Published<OfficerRow>>;
  beats: ListedBeat[];
  districts: ListedDistrict[];
  workshops: Array<Published<WorkshopRow>>;
};

/** What a member's role does not list is not asked for. */
const none = <T,>(): Promise<Outcome<T[]>> => Promise.resolve({ kind: 'ok', value: [] });

function ContentList({ member, beats }: { member: StaffMember; beats: readonly string[] | null }) {
  const ws = useWorkspace();
  const words = ws.t.content;
  const [state, setState] = useState<LoadState<Lists>>({ phase: 'loading' });
  const kinds = editedKinds(member.role);
  const edits = (kind: EditedKind) => kinds.includes(kind);

  const load = useCallback(async () => {
    setState({ phase: 'loading' });
    const [meetings, officers, beatRows, districts, workshops] = await Promise.all([
      loadMeetings(ws.client),
      loadOfficers(ws.client),
      kinds.includes('beat') ? loadBeats(ws.client) : none<ListedBeat>(),
      kinds.includes('beat') ? loadDistricts(ws.client) : none<ListedDistrict>(),
      kinds.includes('workshop') ? loadWorkshops(ws.client) : none<Published<WorkshopRow>>(),
    ]);
    if (meetings.kind !== 'ok' || officers.kind !== 'ok' || beatRows.kind !== 'ok' || districts.kind !== 'ok' || workshops.kind !== 'ok') return setState({ phase: 'failed' });
    setState({
      phase: 'loaded',
      value: {
        meetings: meetings.value,
        officers: officers.value,
        // A supervisor edits their own district's beats (staff_access.edits).
        beats: member.role === 'supervisor' ? beatRows.value.filter((beat) => beat.district_id === member.district) : beatRows.value,
        districts: districts.value,
        workshops: workshops.value,
      },
    });
  }, [ws.client, kinds, member.role, member.district]);

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
          <ReportsDue member={member} beats={beats} />
          <PriorityListing member={member} beats={beats} />
          <ListSection id="content-meetings" heading={words.meetings} add={{ href: '#meeting/new', label: words.newMeeting }}>
            <Listing
              empty={words.meetingsNone}
              items={state.value.meetings
                .filter((meeting) => editsPlace(member, beats, meeting))
                .map((meeting) => ({
                  href: `#meeting/${meeting.meeting_id}`,
                  name: meeting.title,
                  where: meeting.beats.length > 0 ? format(words.beatsOf, { beats: meeting.beats.join(', ') }) : format(words.districtOf, { district: meeting.district_id ?? '' }),
                  draft: !meeting.published,
                }))}
            />
          </ListSection>
          <ListSection
            id="content-officers"
            heading={member.role === 'officer' ? words.ownProfile : words.officers}
            add={member.role === 'officer' ? undefined : { href: '#officer/new', label: words.newOfficer }}
          >
            <Listing
              empty={words.officersNone}
              items={state.value.officers.filter(officerIsMine).map((officer) => ({
                href: `#officer/${officer.officer_id}`,
                name: officer.name,
                where: officer.beats.length > 0 ? format(words.beatsOf, { beats: officer.beats.join(', ') }) : officer.district_id ? format(words.districtOf, { district: officer.district_id }) : '',
                draft: !officer.published,
              }))}
            />
          </ListSection>
          {edits('beat') && <BeatList beats={state.value.beats} districts={state.value.districts} />}
          {edits('district') && (
            <ListSection id="content-districts" heading={words.districts}>
              <Listing
                empty={words.districtsNone}
                items={state.value.districts.map((district) => ({
                  href: `#district/${district.district_id}`,
                  name: district.name,
                  where: format(words.districtOf, { district: district.district_id }),
                  draft: !district.published,
                }))}
              />
            </ListSection>
          )}
          {edits('workshop') && (
            <ListSection id="content-workshops" heading={words.workshops} add={{ href: '#workshop/new', label: words.newWorkshop }}>
              <Listing
                empty={words.workshopsNone}
                items={state.value.workshops.map((workshop) => ({
                  href: `#workshop/${workshop.workshop_id}`,
                  name: workshop.title,
                  where: words.workshop.kinds[workshop.kind],
                  draft: !workshop.published,
                }))}
              />
            </ListSection>
          )}
          {edits('site') && <ListSection id="content-site" heading={words.site.heading} add={{ href: '#site', label: words.site.link }} />}
        </>
      )}
    </div>
  );
}

/** The beats, grouped by district, with a box that narrows them as one types: a big city has hundreds. */
function BeatList({ beats, districts }: { beats: ListedBeat[]; districts: ListedDistrict[] }) {
  const ws = useWorkspace();
  const words = ws.t.content;
  const [query, setQuery] = useState('');
  const groups = beatGroups(beats, districts, query, ws.locale);
  const shown = groups.reduce((sum, group) => sum + group.beats.length, 0);
  return (
    <ListSection id="content-beats" heading={words.beats}>
      {beats.length === 0 ? (
        <p>{words.beatsNone}</p>
      ) : (
        <>
          <div className="max-w-md">
            <Field id="content-beats-find" label={words.findBeat} hint={words.findBeatHint}>
              {(control) => <input {...control} type="search" value={query} onChange={(event) => setQuery(event.target.value)} className={fieldClass} />}
            </Field>
          </div>
          <p role="status">{format(words.beatsShown, { shown, all: beats.length })}</p>
          {groups.map((group) => (
            <div key={group.district} className="space-y-2">
              <h4 className="text-lg font-bold">{group.name ? format(words.districtNamed, { district: group.district, name: group.name }) : format(words.districtOf, { district: group.district })}</h4>
              <Listing
                empty=""
                items={group.beats.map((beat) => ({ href: `#beat/${beat.beat_id}`, name: beat.name, where: beat.neighbourhoods.join(', '), draft: !beat.published }))}
              />
            </div>
          ))}
        </>
      )}
    </ListSection>
  );
}

/** One kind's list: its heading, the link to add one where the member may, and the list. */
function ListSection({ id, heading, add, children }: { id: string; heading: string; add?: { href: string; label: string } | undefined; children?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h3 id={id} className="text-xl font-bold">
        {heading}
      </h3>
      {add && (
        <p>
          <a href={add.href} className="text-brand-700 underline">
            {add.label}
          </a>
        </p>
      )}
      {children}
    </section>
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
