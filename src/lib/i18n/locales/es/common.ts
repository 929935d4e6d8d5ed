// Spanish words for the frame of every page, the home page, what every form says, and the open-data and accessibility pages.
import type { Messages } from '../en.ts';

export const layout: Messages['layout'] = {
  skipToContent: 'Ir al contenido principal',
  primaryNav: 'Principal',
  home: 'Inicio',
  findOfficer: 'Encuentre a su agente',
  menu: 'Menú',
  language: 'Otros idiomas',
  sendTip: 'Enviar un aviso',
  watch: 'Vigilancia vecinal',
  workshops: 'Seguridad para negocios',
  meetings: 'Reuniones',
  guides: 'Guías',
  search: 'Buscar',
  openData: 'Datos abiertos',
  accessibility: 'Accesibilidad',
  staffSignIn: 'Acceso del personal',
  footerNav: 'Más',
  sampleData: 'Datos de muestra: este portal muestra una ciudad ficticia con fines de demostración.',
  notAnEmergencyLine: 'Este portal no es una línea de emergencias.',
  emergency: 'En caso de emergencia, llame al {number}.',
  nonEmergency: 'Para algo urgente que no sea una emergencia, llame al {number}.',
  poweredBy: 'Funciona con OpenBeat, software de código abierto para la policía comunitaria.',
};

export const home: Messages['home'] = {
  title: 'Policía comunitaria de {jurisdiction}',
  lead: 'Conozca a los agentes de su comunidad, participe en las reuniones de su sector y cuéntele al {department} lo que ve en su vecindario.',
  thisWeek: 'Reuniones de esta semana',
  allMeetings: 'Todas las reuniones y el calendario',
  guides: 'Prevenga el delito: guías',
  allGuides: 'Todas las guías',
};

export const forms: Messages['forms'] = {
  optional: 'opcional',
  summary: 'Corrija lo siguiente:',
  rejected: 'No se aceptó: {reason}.',
  rateLimited: 'Llegaron demasiados envíos en poco tiempo, desde esta conexión o de todos a la vez, así que este no se envió. Sigue aquí: inténtelo de nuevo en {minutes} minutos.',
  tooFast: 'Por favor, léalo una vez más y luego envíelo.',
  failed: 'Algo salió mal de nuestro lado, así que esto todavía no se ha enviado. Sigue aquí: vuelva a intentarlo en un momento.',
  sending: 'Enviando…',
  honeypot: 'Deje esto vacío',
};

export const openData: Messages['openData'] = {
  title: 'Datos abiertos',
  lead: 'Todo lo que publica este portal también está disponible como datos, de libre reutilización y actualizados cada vez que se genera el sitio.',
  beats: 'Límites de los sectores (GeoJSON), con el distrito y los vecindarios de cada sector.',
  districts: 'Límites de los distritos y sus estaciones (GeoJSON).',
  officers: 'Agentes: nombre, rango, función, sectores o distrito que atienden, idiomas y datos de contacto públicos (JSON).',
  meetings: 'Reuniones de los próximos 90 días, una entrada por cada fecha, con las canceladas y las reprogramadas señaladas (JSON).',
  priorities: 'Prioridades de sectores y distritos, abiertas y cerradas: etapa, novedades con fecha, próxima revisión, resultado y cuántos residentes dijeron que cada una les importa (JSON).',
  prioritiesMap: 'Las mismas prioridades como mapa: cada una sobre los sectores o el distrito que abarca, sin los textos largos (GeoJSON).',
  calendar: 'Todas las reuniones como canal iCalendar, para suscribirse desde cualquier aplicación de calendario.',
  notPersonal: 'Nada de lo que los residentes envían por este portal (avisos, miembros de grupos de vigilancia vecinal, solicitudes de talleres) se publica aquí.',
};

export const accessibility: Messages['accessibility'] = {
  title: 'Accesibilidad',
  lead: 'Este portal está pensado para todas las personas, sin importar el dispositivo, el navegador, la tecnología de asistencia o la conexión que use.',
  standard: 'Nuestro objetivo es cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2 en el nivel AA. Antes de cada versión, todos los tipos de página se revisan automáticamente con axe-core en ambos idiomas.',
  features: 'Todas las páginas tienen un enlace para saltar al contenido principal, funcionan solo con el teclado y no tienen contenido que requiera un mouse. Los mapas son una ayuda: toda respuesta que da el mapa también se da en texto. Las páginas funcionan en pantallas pequeñas y con zoom al 200%, y respetan la preferencia de movimiento reducido.',
  limits: 'Los lectores de pantalla no pueden leer el área del mapa; la respuesta en texto que aparece al lado dice todo lo que muestra el mapa.',
  contact: 'Si algo no le funciona, avísenos: {contact}. Le responderemos y arreglaremos lo que podamos.',
};

export const conversation: Messages['conversation'] = {
  headings: { tip: 'Mensajes sobre su aviso', watch_group: 'Mensajes sobre su registro', workshop_request: 'Mensajes sobre su solicitud' },
  intro: 'El personal puede hacerle una pregunta aquí. Solo quien tenga su código de recibo puede leerla y responder.',
  staff: 'Agente comunitario',
  you: 'Usted',
  answerLabel: 'Su respuesta',
  answerHint: 'Hasta 5000 caracteres. No necesita dar su nombre ni nada que le identifique.',
  send: 'Enviar respuesta',
  sending: 'Enviando… (su navegador hace primero un breve cálculo, contra el abuso automatizado)',
  sent: 'Su respuesta fue enviada. El agente la verá en el espacio de trabajo.',
  waitForQuestion: 'Ya respondió. Si el agente pregunta algo más, aparecerá aquí.',
  errors: {
    'body.missing': 'Escriba su respuesta antes de enviarla.',
    'body.tooLong': 'Su respuesta tiene más de 5000 caracteres: acórtela.',
  },
  refused: 'No se envió: {reason}',
  rateLimited: 'Demasiados intentos desde esta conexión. Inténtelo de nuevo en {minutes} minutos.',
  unreachable: 'No pudimos conectar con el servidor y su respuesta no se envió. Compruebe su conexión e inténtelo de nuevo.',
  failed: 'Algo salió mal de nuestro lado y su respuesta no se envió. Inténtelo de nuevo en un momento.',
  loadFailed: 'No se pudieron cargar los mensajes. Compruebe su conexión y vuelva a buscar el código.',
};
