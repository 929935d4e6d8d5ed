// Spanish words for community meetings: lists, calendars and feeds.
import type { Messages } from '../en.ts';

export const meetings: Messages['meetings'] = {
  title: 'Reuniones comunitarias',
  lead: 'Reuniones de sector, consejos asesores de distrito, programas juveniles y capacitaciones: venga a conocer a los agentes que atienden su zona.',
  upcoming: 'Próximas reuniones',
  monthTitle: 'Reuniones de {month}',
  listView: 'Lista',
  monthView: 'Mes',
  previousMonth: 'Mes anterior',
  nextMonth: 'Mes siguiente',
  noMeetings: 'No hay reuniones en este período.',
  filterBy: 'Mostrar solo',
  byDistrict: 'Distrito',
  byBeat: 'Sector',
  byKind: 'Tipo de reunión',
  byLanguage: 'Idioma',
  allMeetings: 'Todas las reuniones',
  kinds: {
    beat_meeting: 'Reuniones de sector',
    district_advisory_council: 'Consejos asesores de distrito',
    watch_training: 'Capacitaciones de vigilancia vecinal',
    youth: 'Jóvenes',
    business: 'Negocios',
  } as Record<string, string>,
  inLanguages: 'En {languages}',
  online: 'Participar en línea',
  subscribe: 'Suscribirse desde su aplicación de calendario',
  download: 'Descargar el calendario (.ics)',
  subscribeNote: 'Las aplicaciones de calendario buscan cambios cada pocas horas: Google Calendar cada 8 a 24 horas y Outlook aproximadamente cada 3 horas.',
  timesIn: 'Las horas corresponden a la {zone}.',
};
