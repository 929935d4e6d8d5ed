// Spanish words for saying where: an address, a point on the map, or only the beat (tips, watch groups, workshops).
import type { Messages } from '../en.ts';

export const places: Messages['places'] = {
  modes: { address: 'Una dirección', map: 'Un punto en el mapa', beat: 'Solo el sector' },
  modesLegend: '¿Cómo quiere indicar el lugar?',
  found: 'En {beat}: {place}',
  foundBeat: 'En {beat}',
  notFound: 'No encontramos «{query}». Revise cómo lo escribió, elija una de las sugerencias o indique el lugar de otra manera.',
  outside: 'Ese lugar está fuera de la zona que cubre este portal.',
  mapHint: 'Haga clic o toque el lugar, o use las flechas y Intro.',
  beatLabel: 'Sector',
  noBeat: 'No sé el sector',
  chosenPoint: 'El punto que eligió',
};
