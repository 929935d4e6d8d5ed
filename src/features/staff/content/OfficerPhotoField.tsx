// The officer's photo in the profile form: the photo as the page will show it
// (or a note that there is none), a file to choose, which is cropped, resized
// and uploaded at once (officerPhoto.ts), and a button to remove it. The
// profile names the new photo only once it is saved; what was uploaded and
// then replaced before saving is removed from Storage again. A photo the
// profile named once stays in Storage, so that undoing the change in the
// profile's history brings it back.
import { useEffect, useRef, useState } from 'react';
import { Field, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/index.ts';
import { useWorkspace } from '../workspace/words.ts';
import { chosenFileProblem, dataUrl, removePhotos, savedPhotoPreview, squarePhoto, uploadPhoto, type PhotoProblem } from './officerPhoto.ts';

interface Props {
  prefix: string;
  /** The officer's id; null for a new profile, which has no photo until it is saved. */
  officer: string | null;
  /** The photo as saved. */
  saved: string | null;
  /** The photo the form would save. */
  photo: string | null;
  error?: string | undefined;
  onChange(photo: string | null): void;
}

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'ready' } | { kind: 'removed' } | { kind: 'problem'; message: string };

export default function OfficerPhotoField({ prefix, officer, saved, photo, error, onChange }: Props) {
  const ws = useWorkspace();
  const words = ws.t.content.officer;
  const id = `${prefix}-photo`;
  const [preview, setPreview] = useState<string | undefined>(undefined);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  /** Uploaded in this form and not saved: removed again when replaced. */
  const unsaved = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    if (saved) void savedPhotoPreview(ws.client, saved).then((url) => current && setPreview(url));
    return () => {
      current = false;
    };
  }, [ws.client, saved]);

  const problem: Record<PhotoProblem, string> = { notImage: words.photoNotImage, tooBig: words.photoTooBig, unreadable: words.photoUnreadable };

  const forgetUnsaved = () => {
    if (unsaved.current && unsaved.current !== saved) void removePhotos(ws.client, [unsaved.current]);
    unsaved.current = null;
  };

  async function choose(file: File | undefined) {
    if (!file || !officer) return;
    const refusal = chosenFileProblem(file);
    if (refusal) return setState({ kind: 'problem', message: problem[refusal] });
    setState({ kind: 'working' });
    let square: Blob;
    try {
      square = await squarePhoto(file);
    } catch (failure) {
      const reason = (failure as Error).message as PhotoProblem;
      return setState({ kind: 'problem', message: problem[reason] ?? words.photoUnreadable });
    }
    const uploaded = await uploadPhoto(ws.client, officer, square);
    if ('refused' in uploaded) return setState({ kind: 'problem', message: format(words.photoRefused, { reason: uploaded.refused }) });
    forgetUnsaved();
    unsaved.current = uploaded.name;
    setPreview(await dataUrl(square));
    setState({ kind: 'ready' });
    onChange(uploaded.name);
  }

  function remove() {
    forgetUnsaved();
    setPreview(undefined);
    setState({ kind: 'removed' });
    if (input.current) input.current.value = '';
    onChange(null);
  }

  const status =
    state.kind === 'working' ? words.photoWorking : state.kind === 'ready' ? words.photoReady : state.kind === 'removed' && saved ? words.photoRemoved : undefined;
  return (
    <Field id={id} label={officer ? (photo ? words.photoChange : words.photoChoose) : words.photo} hint={officer ? words.photoHint : words.photoNewFirst} error={state.kind === 'problem' ? state.message : error}>
      {(control) => (
        <div className="space-y-3">
          {photo && preview && <img src={preview} alt={words.photoPreview} width={128} height={128} className="size-32 rounded-full object-cover" />}
          {!photo && <p className="text-slate-700">{words.photoNone}</p>}
          {officer && (
            <input
              {...control}
              ref={input}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/*"
              disabled={state.kind === 'working'}
              onChange={(event) => void choose(event.target.files?.[0])}
              className="block"
            />
          )}
          <p role="status" className="text-slate-700">
            {status}
          </p>
          {officer && photo !== null && (
            <button type="button" onClick={remove} className={secondaryButtonClass}>
              {words.photoRemove}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
