// One beat's boundary and everything the finder answers about it.
import type { APIRoute, GetStaticPaths } from 'astro';
import { beatAnswer } from '../../../features/finder/answers.ts';
import { jurisdiction } from '../../../lib/content/jurisdiction.ts';

export const getStaticPaths = (async () => {
  const { site, beats, districts, officers, meetings, priorities } = await jurisdiction();
  const from = new Date();
  return beats.map((beat) => ({
    params: { id: beat.id },
    props: { answer: beatAnswer(beat, { districts, officers, meetings, priorities, timeZone: site.timeZone, from }) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props.answer);
