// Spanish words for the search page.
import type { Messages } from '../en.ts';

export const search: Messages['search'] = {
  title: 'Buscar',
  lead: 'Busque agentes, sectores, reuniones y guías.',
  label: 'Buscar en el portal',
  loading: 'Cargando la búsqueda…',
  needsScript: 'La búsqueda necesita JavaScript. También puede consultar las guías, las reuniones y los sectores desde el menú.',
  results: '{count} resultados',
  noResults: 'No se encontró nada. Pruebe con menos palabras o con otras distintas.',
};
