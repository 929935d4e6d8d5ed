// One officer's profile to edit, or a new officer: who they are, where they
// serve, how to reach them, and whether their page is shown; with its history
// and undo. An officer editing their own profile changes how to reach them
// and what it says about them; the rest is their supervisor's to change.
import { useState } from 'react';
import { z } from 'astro/zod';
import { Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import { officerRow } from '../../../lib/content/rows.ts';
import { officerRoles, officerSchema, officerSlugSchema } from '../../../lib/content/schemas.ts';
import type { StaffMember } from '../workspace/records.ts';
import { useWorkspace } from '../workspace/words.ts';
import { BeatChoices, Checkbox, TextField } from './ContentFields.tsx';
import { listOf, optional } from './drafts.ts';
import ContentPage from './ContentPage.tsx';
import { loadOfficer, type Published } from './contentEdits.ts';
import ContentForm from './ContentForm.tsx';
import type { OfficerRow } from '../../../lib/content/rows.ts';
import OfficerPhotoField from './OfficerPhotoField.tsx';

// Outside the build a photo is its name: in Storage's bucket officer-photos (OfficerPhotoField uploads it), or a file's.
const schema = officerSchema({ image: () => z.string() });

interface Props {
  id: string | null;
  member: StaffMember;
  /** The beats the member may choose; null for every beat. */
  beats: readonly string[] | null;
}

export default function OfficerEditor({ id, member, beats }: Props) {
  const ws = useWorkspace();
  const words = ws.t.content.officer;
  return (
    <ContentPage
      id={id}
      kinds={['officer']}
      loadItem={loadOfficer}
      title={(officer) => officer?.name ?? words.newHeading}
      detailsHeading={words.heading}
      details={(officer, reload) => <OfficerDetails key={officer?.updated_at ?? 'new'} officer={officer} member={member} beats={beats} onSaved={reload} />}
      labels={officerLabels(words)}
    />
  );
}

type Words = ReturnType<typeof useWorkspace>['t']['content']['officer'];

const officerLabels = (words: Words): Record<string, string> => ({
  name: words.name,
  rank: words.rank,
  role: words.role,
  beats: words.beats,
  district_id: words.district,
  languages: words.languages,
  contact_email: words.email,
  contact_phone: words.phone,
  contact_office_hours: words.officeHours,
  bio: words.bio,
  photo: words.photo,
  photo_alt: words.photoAlt,
});

interface Draft {
  officer_id: string;
  name: string;
  rank: string;
  role: string;
  beats: string[];
  district_id: string;
  languages: string;
  contact_email: string;
  contact_phone: string;
  contact_office_hours: string;
  bio: string;
  photo: string | null;
  photo_alt: string;
  published: boolean;
}

const draftOf = (officer: Published<OfficerRow> | null, defaultLanguage: string): Draft => ({
  officer_id: officer?.officer_id ?? '',
  name: officer?.name ?? '',
  rank: officer?.rank ?? '',
  role: officer?.role ?? 'beat_officer',
  beats: officer?.beats ?? [],
  district_id: officer?.district_id ?? '',
  languages: (officer?.languages ?? [defaultLanguage]).join(', '),
  contact_email: officer?.contact_email ?? '',
  contact_phone: officer?.contact_phone ?? '',
  contact_office_hours: officer?.contact_office_hours ?? '',
  bio: officer?.bio ?? '',
  photo: officer?.photo ?? null,
  photo_alt: officer?.photo_alt ?? '',
  published: officer?.published ?? false,
});

function OfficerDetails({ officer, member, beats, onSaved }: { officer: Published<OfficerRow> | null; member: StaffMember; beats: readonly string[] | null; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.content.officer;
  const [draft, setDraft] = useState(() => draftOf(officer, ws.defaultLanguage));
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  const prefix = 'officer';
  const creating = officer === null;
  // An officer's own profile: where they serve and who they are on the site are their supervisor's.
  const own = member.role === 'officer';
  const districts =
    member.role === 'coordinator' ? [...new Set(ws.beats.map((beat) => beat.district))].sort() : member.role === 'supervisor' && member.district ? [member.district] : [];

  const parsed = () => {
    const result = schema.safeParse({
      name: draft.name.trim(),
      rank: draft.rank.trim(),
      role: draft.role,
      beats: draft.beats,
      district: optional(draft.district_id),
      photo: draft.photo ?? undefined,
      photoAlt: optional(draft.photo_alt),
      languages: listOf(draft.languages),
      contact: { email: optional(draft.contact_email), phone: optional(draft.contact_phone), officeHours: optional(draft.contact_office_hours) },
      bio: draft.bio.trim(),
    });
    // A photo says nothing to someone who cannot see it without its description.
    if (draft.photo === null || optional(draft.photo_alt) !== undefined) return result;
    const altMissing = { code: 'too_small', origin: 'string', minimum: 1, path: ['photoAlt'], message: '' } as const;
    return { success: false as const, error: { issues: [...(result.success ? [] : result.error.issues), altMissing] } };
  };

  return (
    <ContentForm
      kind="officer"
      current={officer as unknown as Record<string, unknown> | null}
      newId={draft.officer_id}
      idValid={(id) => officerSlugSchema.safeParse(id).success}
      parse={parsed}
      row={(entry, id) => officerRow({ ...entry, id } as Parameters<typeof officerRow>[0]) as unknown as Record<string, unknown>}
      draft={draft}
      submitLabel={words.save}
      onSaved={onSaved}
    >
      {(errors) => (
        <>
          {own && <p className="text-slate-700">{words.ownNote}</p>}
          {creating && <TextField prefix={prefix} name="officer_id" label={words.id} hint={words.idHint} value={draft.officer_id} error={errors.officer_id} onChange={(value) => set('officer_id', value)} />}
          <TextField prefix={prefix} name="name" label={words.name} value={draft.name} readOnly={own} error={errors.name} onChange={(value) => set('name', value)} />
          <TextField prefix={prefix} name="rank" label={words.rank} value={draft.rank} readOnly={own} error={errors.rank} onChange={(value) => set('rank', value)} />
          <Field id={`${prefix}-role`} label={words.role} error={errors.role}>
            {(control) => (
              <select {...control} value={draft.role} disabled={own} onChange={(event) => set('role', event.target.value)} className={fieldClass}>
                {officerRoles.map((role) => (
                  <option key={role} value={role}>
                    {words.roles[role]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <BeatChoices
            prefix={prefix}
            legend={words.beats}
            choices={beats ?? ws.beats.map((beat) => beat.id)}
            chosen={draft.beats}
            disabled={own}
            error={errors.beats}
            onChange={(value) => set('beats', value)}
          />
          {!own && districts.length > 0 && (
            <Field id={`${prefix}-district_id`} label={words.district} error={errors.district_id}>
              {(control) => (
                <select {...control} value={draft.district_id} onChange={(event) => set('district_id', event.target.value)} className={fieldClass}>
                  <option value="">{words.noDistrict}</option>
                  {districts.map((district) => (
                    <option key={district} value={district}>
                      {district}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <TextField prefix={prefix} name="languages" label={words.languages} hint={words.languagesHint} value={draft.languages} error={errors.languages} onChange={(value) => set('languages', value)} />
          <TextField prefix={prefix} name="contact_email" label={words.email} type="email" value={draft.contact_email} error={errors.contact_email} onChange={(value) => set('contact_email', value)} />
          <TextField prefix={prefix} name="contact_phone" label={words.phone} type="tel" value={draft.contact_phone} error={errors.contact_phone} onChange={(value) => set('contact_phone', value)} />
          <TextField
            prefix={prefix}
            name="contact_office_hours"
            label={words.officeHours}
            value={draft.contact_office_hours}
            error={errors.contact_office_hours}
            onChange={(value) => set('contact_office_hours', value)}
          />
          <TextField prefix={prefix} name="bio" label={words.bio} multiline value={draft.bio} error={errors.bio} onChange={(value) => set('bio', value)} />
          <OfficerPhotoField prefix={prefix} officer={officer?.officer_id ?? null} saved={officer?.photo ?? null} photo={draft.photo} error={errors.photo} onChange={(value) => set('photo', value)} />
          <TextField prefix={prefix} name="photo_alt" label={words.photoAlt} hint={words.photoAltHint} value={draft.photo_alt} error={errors.photo_alt} onChange={(value) => set('photo_alt', value)} />
          {!own && <Checkbox prefix={prefix} name="published" label={ws.t.content.published} hint={ws.t.content.publishedHint} checked={draft.published} onChange={(value) => set('published', value)} />}
        </>
      )}
    </ContentForm>
  );
}
