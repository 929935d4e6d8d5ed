// Spanish words for suggesting a priority for a beat, and following the suggestion with its receipt code.
import type { Messages } from '../en.ts';

export const suggestions: Messages['suggestions'] = {
  heading: 'Sugiera una prioridad para su sector',
  intro:
    '¿Hay un problema en su vecindario que le gustaría que la policía y sus vecinos resolvieran juntos? Propóngalo aquí: llega a los agentes de su sector para la próxima reunión del sector, donde residentes y agentes eligen las prioridades del sector. Es anónimo: aquí nada le pregunta quién es.',
  formHeading: 'Su sugerencia',
  notAReport: 'Para denunciar un delito, o algo que necesite respuesta sobre un incidente concreto, no use este formulario:',
  sendATip: 'envíe un aviso.',
  where: '¿En qué sector está?',
  whereHint: 'Elija su sector de la lista, o encuéntrelo a partir de una dirección.',
  problem: '¿Qué problema debería tratar el sector?',
  problemHint: 'Qué pasa, dónde y con qué frecuencia, y cómo afecta al vecindario.',
  noNames: 'No escriba el nombre de ninguna persona ni la dirección de la vivienda de nadie: los agentes pueden citar lo que escriba en una reunión pública.',
  charactersLeft: 'Quedan {count} caracteres',
  charactersNeeded: 'Faltan {count} caracteres',
  stored: {
    heading: 'Lo que guardamos',
    kept: 'Guardamos el sector y el problema que describe, y lo que respondan los agentes. No le pedimos su nombre.',
    notKept: 'No guardamos su dirección IP, su navegador ni nada más sobre este dispositivo. Si no tiene conexión, su sugerencia espera en este navegador hasta que se pueda enviar, y luego se borra de él.',
  },
  submit: 'Enviar sugerencia',
  waiting: {
    heading: 'Su sugerencia está guardada en este dispositivo',
    text: 'Parece que no tiene conexión, así que su sugerencia aún no se pudo enviar. Está guardada en este navegador y se enviará sola en cuanto vuelva la conexión, aunque cierre o recargue esta página. Su código de recibo aparecerá aquí entonces.',
  },
  errors: {
    'beat.missing': 'Elija su sector de la lista, o encuéntrelo a partir de una dirección.',
    'problem.tooShort': 'Describa el problema con al menos 20 caracteres.',
    'problem.tooLong': 'La descripción debe tener menos de 2000 caracteres.',
  },
  received: {
    heading: 'Gracias: recibimos su sugerencia',
    receiptLabel: 'Su código de recibo',
    keepIt:
      'Guarde o imprima este código ahora: solo se muestra una vez. Con él podrá ver más adelante lo que respondieron los agentes y la prioridad en que se convirtió su sugerencia, sin dar su nombre.',
    checkLater: 'Consulte el estado de su sugerencia con este código',
    print: 'Imprimir este código',
    another: 'Sugerir otra prioridad',
  },
  followUp: 'Consultar una sugerencia que envió',
  status: {
    title: 'Consultar una sugerencia',
    lead: 'Escriba el código de recibo que recibió al sugerir una prioridad. Verá qué hicieron con ella los agentes del sector, y cualquier respuesta, sin decir quién es.',
    label: 'Código de recibo',
    hint: '16 letras y dígitos, por ejemplo ABCD-EFGH-JKMN-PQ01. Los guiones y espacios no importan.',
    check: 'Consultar el estado',
    received: 'Recibida',
    updated: 'última actualización',
    reply: 'Respuesta de la policía',
    becamePriority: 'Ver la prioridad en que se convirtió',
    statuses: { received: 'Recibida', answered: 'Respondida', adopted: 'Adoptada como prioridad', closed: 'Cerrada' },
    explanations: {
      received: 'Su sugerencia llegó y espera a que los agentes del sector la lean antes de la próxima reunión del sector.',
      answered: 'Los agentes del sector respondieron a su sugerencia.',
      adopted: 'Su sugerencia se convirtió en una de las prioridades del sector. Su página muestra lo que se está haciendo.',
      closed: 'Esta sugerencia está cerrada. Gracias por avisarnos.',
    },
    problems: {
      malformed: 'Eso no es un código de recibo: un código tiene 16 letras y dígitos. Revise lo que escribió.',
      not_found: 'Ninguna sugerencia corresponde a este código. Revise cada carácter; el código solo se muestra una vez, al enviar una sugerencia.',
      rate_limited: 'Demasiadas consultas desde esta conexión. Vuelva a intentarlo en {minutes} minutos.',
      unreachable: 'No pudimos comunicarnos con el servidor. Revise su conexión y vuelva a intentarlo.',
      failed: 'Algo salió mal de nuestro lado. Vuelva a intentarlo en un momento.',
    },
    suggestAnother: 'Sugerir una prioridad',
  },
};
