// Spanish words for the crime-prevention guides.
import type { Messages } from '../en.ts';

export const guides: Messages['guides'] = {
  title: 'Guías de prevención del delito',
  lead: 'Pasos prácticos para hogares, vehículos, negocios, jóvenes y grupos vecinales, cada guía con una lista de verificación que puede imprimir.',
  filterAudience: 'Para quién es',
  filterTopic: 'Tema',
  all: 'Todas las guías',
  showing: 'Guías filtradas por: {filter}',
  audiences: { residents: 'Residentes', businesses: 'Negocios', youth: 'Jóvenes y familias', watch_groups: 'Grupos de vigilancia vecinal' },
  topics: {
    home: 'Hogar',
    vehicles: 'Vehículos',
    packages: 'Paquetes',
    scams: 'Estafas y fraudes',
    online: 'En internet',
    lighting: 'Iluminación',
    prevention: 'Prevención',
    'problem-solving': 'Resolución de problemas',
    'watch-groups': 'Vigilancia vecinal',
    business: 'Negocios',
    cpted: 'CPTED (diseño del entorno para prevenir el delito)',
    youth: 'Jóvenes',
    schools: 'Escuelas',
    reporting: 'Cómo reportar',
    emergencies: 'Emergencias',
    privacy: 'Privacidad',
  } as Record<string, string>,
  checklist: 'Lista de verificación',
  printHint: 'Para imprimir la lista de verificación, use el comando Imprimir de su navegador: solo se imprime la lista.',
  notTranslated: 'Esta guía todavía no está disponible en su idioma, así que se muestra en inglés.',
  forAudience: 'Para: {audiences}',
};
