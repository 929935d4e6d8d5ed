// Palabras en español de las alertas del sector: suscribirse, confirmar, cambiar y darse de baja.
import type { Messages } from '../en.ts';

export const alerts: Messages['alerts'] = {
  title: 'Alertas por correo de su sector',
  description: 'Reciba un correo cuando las reuniones de su sector o distrito se cancelen, cambien o se añadan, y cuando se publiquen sus prioridades e informes de reuniones.',
  lead: 'Reciba un correo cuando algo cambie en su sector o distrito: una reunión cancelada, cambiada o nueva, una prioridad o su novedad, un informe de reunión.',
  getAlerts: 'Recibir alertas por correo de este sector',
  getDistrictAlerts: 'Recibir alertas por correo de este distrito',
  feedInstead: '¿Prefiere no dar su correo? Siga el canal de novedades (Atom) del sector en un lector de canales.',
  form: {
    heading: 'Suscribirse',
    email: 'Su correo electrónico',
    emailHint: 'Primero enviamos una confirmación: no se envía nada más hasta que confirme.',
    language: 'Idioma de los correos',
    area: 'Sector o distrito',
    chooseArea: 'Elija un sector o distrito',
    beats: 'Sectores',
    districts: 'Distritos',
    beatOption: 'Sector {id} ({name})',
    districtOption: 'Distrito {id} ({name})',
    topicsLegend: 'Sobre qué quiere saber',
    topics: {
      meeting_changes: 'Reuniones canceladas o cambiadas',
      new_meetings: 'Reuniones nuevas',
      priorities: 'Prioridades y sus novedades',
      meeting_reports: 'Informes de reuniones',
    },
    deliveryLegend: 'Con qué frecuencia',
    delivery: {
      each_publish: 'Un correo después de cada actualización',
      daily: 'Un resumen al día',
    },
    submit: 'Suscribirse',
    errors: {
      'email.invalid': 'Escriba un correo como nombre@ejemplo.org.',
      'area.missing': 'Elija un sector o un distrito.',
      'topics.missing': 'Elija al menos un tema.',
    },
    stored: {
      heading: 'Qué se guarda, y para qué',
      kept: 'Su correo, idioma, sector o distrito, temas y frecuencia: solo para enviar estas alertas. El personal ve cuántas personas se suscriben a cada sector, nunca quiénes.',
      notKept: 'Darse de baja, con el enlace de cada correo, borra su dirección al instante. Si no confirma en 3 días, también se borra.',
    },
    sent: {
      heading: 'Revise su correo',
      text: 'Enviamos un mensaje a {email}. Abra el enlace para confirmar sus alertas (o, si esta dirección ya las recibe, para cambiarlas). No se envía nada hasta entonces.',
      another: 'Suscribirse a otro sector',
    },
    waiting: {
      heading: 'Su suscripción está guardada en este dispositivo',
      text: 'Parece que no tiene conexión, así que no se pudo enviar aún. Está guardada en este navegador y se enviará sola en cuanto vuelva la conexión.',
    },
  },
  confirm: {
    title: 'Confirme sus alertas',
    intro: 'Pulse el botón para empezar a recibir sus alertas por correo.',
    button: 'Confirmar mis alertas',
    confirmed: 'Sus alertas están activas para el {area}.',
    noToken: 'Esta página necesita el enlace de su correo de confirmación.',
    failed: 'Este enlace de confirmación venció o no es válido. Suscríbase de nuevo para recibir otro.',
    manageLink: 'Cambiar temas o frecuencia',
  },
  manage: {
    title: 'Sus alertas por correo',
    loading: 'Cargando su suscripción…',
    area: 'Alertas del {area}.',
    save: 'Guardar cambios',
    saved: 'Guardado.',
    unsubscribeHeading: 'Darse de baja',
    unsubscribeText: 'Dejar de recibir estas alertas y borrar su correo.',
    unsubscribe: 'Darse de baja',
    unsubscribed: 'Se dio de baja: su correo se borró.',
    invalid: 'Este enlace ya no es válido: puede que la suscripción ya haya terminado.',
  },
  // the beat's Atom feed: a meeting's date cancelled or moved, the same news as the alerts
  feed: {
    cancelled: 'Cancelada: {meeting} del {date}',
    moved: 'Cambiada: {meeting} del {date}, ahora {when}',
  },
  beatArea: 'sector {id} ({name})',
  districtArea: 'distrito {id} ({name})',
  subscribeAgain: 'Suscribirse a alertas',
};
