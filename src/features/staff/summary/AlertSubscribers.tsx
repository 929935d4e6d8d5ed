// How many residents each beat's email alerts reach, beside the weekly
// summary: counts from alert_subscriber_counts(), which gives staff numbers
// and never an address.
import { useEffect, useId, useState } from 'react';
import { useWorkspace } from '../workspace/words.ts';

type State = { phase: 'loading' } | { phase: 'failed' } | { phase: 'loaded'; counts: Array<{ beat_id: string; subscribers: number }> };

export default function AlertSubscribers() {
  const ws = useWorkspace();
  const words = ws.t.alertSubscribers;
  const id = useId();
  const [state, setState] = useState<State>({ phase: 'loading' });

  useEffect(() => {
    void (async () => {
      const { data, error } = await ws.client.rpc('alert_subscriber_counts');
      setState(error ? { phase: 'failed' } : { phase: 'loaded', counts: (data as Array<{ beat_id: string; subscribers: number }>).filter((row) => row.subscribers > 0) });
    })();
  }, [ws.client]);

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h3 id={`${id}-heading`} className="text-xl font-bold">
        {words.heading}
      </h3>
      <p className="max-w-prose">{words.intro}</p>
      {state.phase === 'loading' && <p role="status">{words.loading}</p>}
      {state.phase === 'failed' && <p className="font-semibold text-alert-700">{ws.t.loadFailed}</p>}
      {state.phase === 'loaded' && state.counts.length === 0 && <p>{words.none}</p>}
      {state.phase === 'loaded' && state.counts.length > 0 && (
        <table className="border-collapse text-left" aria-labelledby={`${id}-heading`}>
          <thead>
            <tr className="border-b-2 border-slate-600">
              <th scope="col" className="py-1 pr-6">
                {words.beat}
              </th>
              <th scope="col" className="py-1 text-right">
                {words.subscribers}
              </th>
            </tr>
          </thead>
          <tbody>
            {state.counts.map((row) => (
              <tr key={row.beat_id} className="border-b border-slate-300">
                <th scope="row" className="py-1 pr-6 font-normal">
                  {row.beat_id}
                </th>
                <td className="py-1 text-right tabular-nums">{row.subscribers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
