// Spanish words for the printable beat flyer.
import type { Messages } from '../en.ts';

export const flyer: Messages['flyer'] = {
  title: '{beat}: un cartel para imprimir',
  description: 'Un cartel de una página de {beat} ({district}) para imprimir y colgar: sus agentes, sus reuniones y cómo comunicarse con la policía.',
  link: 'Imprimir un cartel de este sector',
  backToBeat: 'Volver a {beat}',
  printHint: 'Para imprimir este cartel, use el comando Imprimir de su navegador (Ctrl+P, o ⌘+P en un Mac). Cabe en una sola hoja A4 o carta.',
  moreOfficers: 'Otros {count} agentes atienden este sector: vea su página.',
  meetingsHeading: 'Venga a una reunión comunitaria',
  nextDates: 'Próximas fechas',
  contactHeading: 'Cómo comunicarse con la policía',
  emergency: 'Emergencias',
  nonEmergency: 'Si no es una emergencia',
  station: 'Estación del distrito',
  website: 'En internet',
  scan: 'Escanee para ver la página del sector',
  qrLabel: 'Código QR de {url}',
  datesAsOf: 'Fechas vigentes al {date}. La página del sector siempre tiene lo más reciente.',
  schedule: {
    sentence: '{when}, {time}, {place}',
    monthly: 'el {nth} {weekday} de cada mes',
    everyOtherMonth: 'el {nth} {weekday}, cada dos meses',
    everyNMonths: 'el {nth} {weekday}, cada {n} meses',
    inMonths: '{schedule} ({months})',
    weekly: 'cada {weekdays}',
    everyOtherWeek: 'cada dos semanas, el {weekdays}',
    between: '{schedule}, {dates}',
    nth: { '1': 'primer', '2': 'segundo', '3': 'tercer', '4': 'cuarto', '5': 'quinto', '-1': 'último' },
  },
};
