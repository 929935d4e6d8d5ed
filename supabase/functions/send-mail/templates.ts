// The messages the outbox may hold, by template name: each renders a subject,
// a plain-text part (what every client shows, and screen readers read best)
// and a simple HTML part saying the same, in the recipient's language. They
// are rendered from a template's parameters only, which never hold what a
// resident wrote or who they are: a leaked mailbox shows that something
// arrived, where, and a link that needs a staff sign-in. A resident is told
// only that a message waits, and where to read it with their receipt code.

export type Language = 'en' | 'es';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  /** RFC 8058: where a mail provider POSTs `List-Unsubscribe=One-Click` (alerts only). */
  unsubscribeUrl?: string;
}

/** Where links lead: the public site, and the project's API (its Edge Functions answer one-click unsubscribes). */
export interface Links {
  siteUrl: string;
  apiUrl: string;
}

type Params = Record<string, unknown>;

/** The words for each kind of item (public.notification_kind), singular and plural. */
const kinds: Record<Language, Record<string, [string, string]>> = {
  en: {
    tip: ['tip or concern', 'tips or concerns'],
    watch_group: ['watch group registration', 'watch group registrations'],
    workshop_request: ['workshop request', 'workshop requests'],
    suggestion: ['priority suggestion', 'priority suggestions'],
    reply: ['answer from a resident', 'answers from residents'],
  },
  es: {
    tip: ['aviso o inquietud', 'avisos o inquietudes'],
    watch_group: ['registro de grupo de vigilancia', 'registros de grupos de vigilancia'],
    workshop_request: ['solicitud de taller', 'solicitudes de taller'],
    suggestion: ['sugerencia de prioridad', 'sugerencias de prioridad'],
    reply: ['mensaje de un residente', 'mensajes de residentes'],
  },
};

const words = {
  en: {
    newItem: (kind: string, beat: string) => `New ${kind} ${beat}`,
    inBeat: (beat: string) => `in beat ${beat}`,
    noBeat: 'with no beat',
    arrived: (kind: string, beat: string) => `A new ${kind} arrived ${beat}.`,
    open: 'Open it in the staff workspace (you will be asked to sign in):',
    openHtml: 'Open it in the staff workspace',
    digestSubject: (count: number) => `Daily digest: ${count} new item${count === 1 ? '' : 's'}`,
    digestIntro: 'New items in your beats since your last digest:',
    digestLine: (count: number, kind: string, beat: string) => `${count} ${kind} ${beat}`,
    openInbox: 'Open the inbox in the staff workspace:',
    openInboxHtml: 'Open the inbox in the staff workspace',
    why: 'You receive this because of your notification settings in the staff workspace. This email never holds what residents wrote.',
    messageSubject: 'There is a new message about your tip',
    messageWaits: 'An officer sent a new message about the tip you sent. For your safety this email does not hold it: read it, and answer if you wish, with your receipt code on the tip status page:',
    messageWaitsHtml: 'Read it on the tip status page',
    messageWhy: 'You receive this because you asked to be contacted by email when you sent your tip.',
  },
  es: {
    newItem: (kind: string, beat: string) => `Nuevo ${kind} ${beat}`,
    inBeat: (beat: string) => `en el sector ${beat}`,
    noBeat: 'sin sector',
    arrived: (kind: string, beat: string) => `Llegó un nuevo ${kind} ${beat}.`,
    open: 'Ábralo en el espacio de trabajo del personal (se le pedirá iniciar sesión):',
    openHtml: 'Abrirlo en el espacio de trabajo del personal',
    digestSubject: (count: number) => `Resumen diario: ${count} ${count === 1 ? 'elemento nuevo' : 'elementos nuevos'}`,
    digestIntro: 'Elementos nuevos en sus sectores desde su último resumen:',
    digestLine: (count: number, kind: string, beat: string) => `${count} × ${kind} ${beat}`,
    openInbox: 'Abra la bandeja de entrada en el espacio de trabajo del personal:',
    openInboxHtml: 'Abrir la bandeja de entrada',
    why: 'Recibe este mensaje por su configuración de notificaciones en el espacio de trabajo. Este correo nunca contiene lo que escribieron los residentes.',
    messageSubject: 'Hay un mensaje nuevo sobre su aviso',
    messageWaits: 'Un agente envió un mensaje nuevo sobre el aviso que usted mandó. Por su seguridad este correo no lo contiene: léalo, y responda si lo desea, con su código de recibo en la página de estado del aviso:',
    messageWaitsHtml: 'Leerlo en la página de estado del aviso',
    messageWhy: 'Recibe este mensaje porque pidió que le contactaran por correo al enviar su aviso.',
  },
} satisfies Record<Language, unknown>;

export class TemplateError extends Error {}

const text = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value === '') throw new TemplateError(`parameter ${name} is missing`);
  return value;
};

function kindName(language: Language, kind: unknown, plural = false): string {
  const names = kinds[language][text(kind, 'kind')];
  if (!names) throw new TemplateError(`unknown kind of item: ${String(kind)}`);
  return names[plural ? 1 : 0];
}

function beatWords(language: Language, beat: unknown): string {
  return typeof beat === 'string' && beat !== '' ? words[language].inBeat(beat) : words[language].noBeat;
}

/** A workspace path made absolute on the site; anything else is refused rather than mailed. */
function siteLink(siteUrl: string, path: unknown): string {
  const link = text(path, 'link');
  if (!link.startsWith('/staff')) throw new TemplateError('a link must lead into the staff workspace');
  return new URL(link, siteUrl).toString();
}

/** A resident's status page on the site; anything else is refused rather than mailed. */
function statusLink(siteUrl: string, path: unknown): string {
  const link = text(path, 'link');
  if (!/^(\/[a-z]{2})?\/(tip|watch|workshops)\/status$/.test(link)) throw new TemplateError('a link must lead to a status page');
  return new URL(link, siteUrl).toString();
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(language: Language, subject: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em; margin: 1em;">
${body}
</body>
</html>
`;
}

const templates: Record<string, (language: Language, params: Params, siteUrl: string) => Rendered> = {
  staff_new_item(language, params, siteUrl) {
    const w = words[language];
    const kind = kindName(language, params.kind);
    const beat = beatWords(language, params.beat);
    const link = siteLink(siteUrl, params.link);
    const subject = w.newItem(kind, beat);
    return {
      subject,
      text: `${w.arrived(kind, beat)}\n\n${w.open}\n${link}\n\n--\n${w.why}\n`,
      html: page(
        language,
        subject,
        `<p>${escapeHtml(w.arrived(kind, beat))}</p>\n<p><a href="${escapeHtml(link)}">${escapeHtml(w.openHtml)}</a></p>\n<p style="color: #555; font-size: 14px;">${escapeHtml(w.why)}</p>`,
      ),
    };
  },

  // Never the message, nor the tip: that a message waits, and where the receipt code reads it.
  resident_new_message(language, params, siteUrl) {
    const w = words[language];
    const link = statusLink(siteUrl, params.link);
    return {
      subject: w.messageSubject,
      text: `${w.messageWaits}\n${link}\n\n--\n${w.messageWhy}\n`,
      html: page(
        language,
        w.messageSubject,
        `<p>${escapeHtml(w.messageWaits)}</p>\n<p><a href="${escapeHtml(link)}">${escapeHtml(w.messageWaitsHtml)}</a></p>\n<p style="color: #555; font-size: 14px;">${escapeHtml(w.messageWhy)}</p>`,
      ),
    };
  },

  staff_digest(language, params, siteUrl) {
    const w = words[language];
    const counts = Array.isArray(params.counts) ? (params.counts as Array<Record<string, unknown>>) : [];
    if (counts.length === 0) throw new TemplateError('a digest needs counts');
    const lines = counts.map((row) => {
      const count = Number(row.count);
      if (!Number.isInteger(count) || count < 1) throw new TemplateError('a count must be a positive whole number');
      return w.digestLine(count, kindName(language, row.kind, count !== 1), beatWords(language, row.beat));
    });
    const total = counts.reduce((sum, row) => sum + Number(row.count), 0);
    const link = siteLink(siteUrl, params.link ?? '/staff');
    const subject = w.digestSubject(total);
    return {
      subject,
      text: `${w.digestIntro}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n\n${w.openInbox}\n${link}\n\n--\n${w.why}\n`,
      html: page(
        language,
        subject,
        `<p>${escapeHtml(w.digestIntro)}</p>\n<ul>\n${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>\n<p><a href="${escapeHtml(link)}">${escapeHtml(w.openInboxHtml)}</a></p>\n<p style="color: #555; font-size: 14px;">${escapeHtml(w.why)}</p>`,
      ),
    };
  },
};


// ------------------------------------------------------------ beat alerts
// Subscribers' mail: the area's page and the manage and unsubscribe links in
// the text part itself, so that every client and screen reader reaches them.

const topicNames: Record<Language, Record<string, string>> = {
  en: { meeting_changes: 'meetings cancelled or moved', new_meetings: 'new meetings', priorities: 'priorities and their updates', meeting_reports: 'meeting reports' },
  es: { meeting_changes: 'reuniones canceladas o cambiadas', new_meetings: 'reuniones nuevas', priorities: 'prioridades y sus novedades', meeting_reports: 'informes de reuniones' },
};

const stageNames: Record<Language, Record<string, string>> = {
  en: { scanning: 'scanning', analysis: 'analysis', response: 'response', assessment: 'assessment' },
  es: { scanning: 'identificación', analysis: 'análisis', response: 'respuesta', assessment: 'evaluación' },
};

const alertWords = {
  en: {
    area: (area: string, id: string, name: string) => (area === 'beat' ? `beat ${id} (${name})` : `district ${id} (${name})`),
    confirmSubject: (area: string) => `Confirm your alerts for ${area}`,
    confirmIntro: (area: string) => `Someone, we hope you, asked for email alerts about ${area}. To start them, open this link within 3 days:`,
    confirmHtml: 'Confirm my alerts',
    topics: (topics: string) => `Topics: ${topics}.`,
    delivery: (daily: boolean) => (daily ? 'Delivery: one digest a day.' : 'Delivery: one email after each update of the site.'),
    ignore: 'If you did not ask for this, ignore this email: nothing is sent without confirmation, and the address is deleted in 3 days.',
    alreadySubject: (area: string) => `You are already subscribed to alerts for ${area}`,
    alreadyIntro: (area: string) => `Someone, we hope you, asked again for email alerts about ${area}. This address already receives them; nothing has changed.`,
    manage: 'Change topics or delivery:',
    manageHtml: 'Change topics or delivery',
    alertSubject: (area: string, count: number) => `${count} update${count === 1 ? '' : 's'} for ${area}`,
    digestSubject: (area: string, count: number) => `Daily digest: ${count} update${count === 1 ? '' : 's'} for ${area}`,
    alertIntro: (area: string) => `What changed for ${area}:`,
    digestIntro: (area: string) => `What changed for ${area} since your last digest:`,
    page: 'See the page:',
    pageHtml: 'Open the page',
    unsubscribe: 'Unsubscribe (one click, your address is deleted):',
    unsubscribeHtml: 'Unsubscribe',
    why: 'You receive this because this address subscribed to OpenBeat alerts. It is kept only to send them.',
    item: {
      meeting_cancelled: (i: Item) => `Cancelled: ${i.title} on ${i.date}${i.note ? ` (${i.note})` : ''}`,
      meeting_moved: (i: Item) => `Moved: ${i.title} of ${i.date}, now ${dateTime(i.moved_to)}${i.note ? ` (${i.note})` : ''}`,
      meeting_new: (i: Item) => `New meeting: ${i.title}, from ${dateTime(i.date)}${i.venue ? ` at ${i.venue}` : ''}`,
      meeting_report: (i: Item) => `Meeting report: ${i.title} of ${i.date}`,
      priority: (i: Item, stage: string) => `Priority: ${i.title} (${i.outcome ? `closed: ${i.outcome}` : `stage: ${stage}`})`,
      priority_update: (i: Item, stage: string) => `Priority update: ${i.title}, ${i.date} (stage: ${stage})`,
    },
  },
  es: {
    // the area with its article's contraction where the sentences need it: del sector, en el sector
    area: (area: string, id: string, name: string) => (area === 'beat' ? `sector ${id} (${name})` : `distrito ${id} (${name})`),
    confirmSubject: (area: string) => `Confirme sus alertas del ${area}`,
    confirmIntro: (area: string) => `Alguien, esperamos que usted, pidió alertas por correo sobre el ${area}. Para empezar a recibirlas, abra este enlace en los próximos 3 días:`,
    confirmHtml: 'Confirmar mis alertas',
    topics: (topics: string) => `Temas: ${topics}.`,
    delivery: (daily: boolean) => (daily ? 'Entrega: un resumen al día.' : 'Entrega: un correo después de cada actualización del sitio.'),
    ignore: 'Si no lo pidió, ignore este correo: no se envía nada sin confirmación, y la dirección se borra en 3 días.',
    alreadySubject: (area: string) => `Ya está suscrito a las alertas del ${area}`,
    alreadyIntro: (area: string) => `Alguien, esperamos que usted, volvió a pedir alertas por correo sobre el ${area}. Esta dirección ya las recibe; nada ha cambiado.`,
    manage: 'Cambiar temas o entrega:',
    manageHtml: 'Cambiar temas o entrega',
    alertSubject: (area: string, count: number) => `${count} ${count === 1 ? 'novedad' : 'novedades'} del ${area}`,
    digestSubject: (area: string, count: number) => `Resumen diario: ${count} ${count === 1 ? 'novedad' : 'novedades'} del ${area}`,
    alertIntro: (area: string) => `Lo que cambió en el ${area}:`,
    digestIntro: (area: string) => `Lo que cambió en el ${area} desde su último resumen:`,
    page: 'Vea la página:',
    pageHtml: 'Abrir la página',
    unsubscribe: 'Darse de baja (un clic, su dirección se borra):',
    unsubscribeHtml: 'Darse de baja',
    why: 'Recibe este mensaje porque esta dirección se suscribió a las alertas de OpenBeat. Solo se guarda para enviarlas.',
    item: {
      meeting_cancelled: (i: Item) => `Cancelada: ${i.title} del ${i.date}${i.note ? ` (${i.note})` : ''}`,
      meeting_moved: (i: Item) => `Cambiada: ${i.title} del ${i.date}, ahora ${dateTime(i.moved_to)}${i.note ? ` (${i.note})` : ''}`,
      meeting_new: (i: Item) => `Reunión nueva: ${i.title}, desde ${dateTime(i.date)}${i.venue ? ` en ${i.venue}` : ''}`,
      meeting_report: (i: Item) => `Informe de reunión: ${i.title} del ${i.date}`,
      priority: (i: Item, stage: string) => `Prioridad: ${i.title} (${i.outcome ? `cerrada: ${i.outcome}` : `etapa: ${stage}`})`,
      priority_update: (i: Item, stage: string) => `Novedad de prioridad: ${i.title}, ${i.date} (etapa: ${stage})`,
    },
  },
} satisfies Record<Language, unknown>;

interface Item {
  kind: string;
  title: string;
  date?: string;
  moved_to?: string;
  note?: string;
  venue?: string;
  stage?: string;
  outcome?: string;
}

/** A local date-time as the content writes it (2026-12-01T18:30): shown as 2026-12-01 18:30. */
const dateTime = (value: unknown) => (typeof value === 'string' ? value.replace('T', ' ') : '');

function alertArea(language: Language, params: Params): string {
  return alertWords[language].area(text(params.area, 'area'), text(params.area_id, 'area_id'), text(params.area_name, 'area_name'));
}

/** A public page of the site, made absolute; anything else is refused rather than mailed. */
function publicLink(siteUrl: string, path: unknown): string {
  const link = text(path, 'link');
  if (!link.startsWith('/') || link.startsWith('//')) throw new TemplateError('a link must be a path of the site');
  return new URL(link, siteUrl).toString();
}

function token(value: unknown, name: string, digits: number): string {
  const given = text(value, name);
  if (!new RegExp(`^[0-9a-f]{${digits}}$`).test(given)) throw new TemplateError(`parameter ${name} is not a token`);
  return given;
}

/** Where the language's pages are on the site: '' for its first language, `/es` for another (the database says which). */
function pagesPrefix(language: Language, params: Params): string {
  const prefix = params.prefix;
  if (typeof prefix === 'string' && /^(\/[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$/.test(prefix)) return prefix;
  return language === 'en' ? '' : `/${language}`;
}

/** The site's pages for one subscription, and the one-click address (the alerts Edge Function). */
function subscriberLinks(language: Language, params: Params, links: Links) {
  const manageToken = token(params.token, 'token', 96);
  const prefix = pagesPrefix(language, params);
  return {
    page: publicLink(links.siteUrl, params.link),
    manage: new URL(`${prefix}/alerts/manage/?token=${manageToken}`, links.siteUrl).toString(),
    // the function sends a person who opens it to the manage page in their language
    unsubscribe: new URL(`/functions/v1/alerts?token=${manageToken}${prefix ? `&lang=${prefix.slice(1)}` : ''}`, links.apiUrl).toString(),
  };
}

function itemLine(language: Language, raw: unknown): string {
  const item = (raw ?? {}) as Item;
  const lines = alertWords[language].item;
  const stage = stageNames[language][item.stage ?? ''] ?? item.stage ?? '';
  text(item.title, 'title');
  switch (item.kind) {
    case 'meeting_cancelled':
    case 'meeting_moved':
    case 'meeting_new':
    case 'meeting_report':
      return lines[item.kind](item);
    case 'priority':
    case 'priority_update':
      return lines[item.kind](item, stage);
    default:
      throw new TemplateError(`unknown kind of alert item: ${String(item.kind)}`);
  }
}

const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
const small = (words: string) => `<p style="color: #555; font-size: 14px;">${escapeHtml(words)}</p>`;

function changesMessage(language: Language, params: Params, links: Links, digest: boolean): Rendered {
  const w = alertWords[language];
  const area = alertArea(language, params);
  const items = Array.isArray(params.items) ? params.items : [];
  if (items.length === 0) throw new TemplateError('an alert needs items');
  const lines = items.map((item) => itemLine(language, item));
  const to = subscriberLinks(language, params, links);
  const subject = digest ? w.digestSubject(area, lines.length) : w.alertSubject(area, lines.length);
  const intro = digest ? w.digestIntro(area) : w.alertIntro(area);
  return {
    subject,
    unsubscribeUrl: to.unsubscribe,
    text: `${intro}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n\n${w.page}\n${to.page}\n\n${w.manage}\n${to.manage}\n\n${w.unsubscribe}\n${to.unsubscribe}\n\n--\n${w.why}\n`,
    html: page(
      language,
      subject,
      `<p>${escapeHtml(intro)}</p>\n<ul>\n${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>\n<p>${link(to.page, w.pageHtml)}</p>\n<p>${link(to.manage, w.manageHtml)} · ${link(to.unsubscribe, w.unsubscribeHtml)}</p>\n${small(w.why)}`,
    ),
  };
}

const alertTemplates: Record<string, (language: Language, params: Params, links: Links) => Rendered> = {
  alert_confirm(language, params, links) {
    const w = alertWords[language];
    const area = alertArea(language, params);
    const confirm = new URL(`${pagesPrefix(language, params)}/alerts/confirm/?token=${token(params.confirm_token, 'confirm_token', 64)}`, links.siteUrl).toString();
    const topics = (Array.isArray(params.topics) ? params.topics : []).map((topic) => topicNames[language][String(topic)] ?? String(topic)).join(', ');
    const subject = w.confirmSubject(area);
    const details = `${w.topics(topics)} ${w.delivery(params.delivery === 'daily')}`;
    return {
      subject,
      text: `${w.confirmIntro(area)}\n${confirm}\n\n${details}\n\n--\n${w.ignore}\n`,
      html: page(language, subject, `<p>${escapeHtml(w.confirmIntro(area))}</p>\n<p>${link(confirm, w.confirmHtml)}</p>\n<p>${escapeHtml(details)}</p>\n${small(w.ignore)}`),
    };
  },

  alert_already_subscribed(language, params, links) {
    const w = alertWords[language];
    const area = alertArea(language, params);
    const to = subscriberLinks(language, params, links);
    const subject = w.alreadySubject(area);
    return {
      subject,
      unsubscribeUrl: to.unsubscribe,
      text: `${w.alreadyIntro(area)}\n\n${w.manage}\n${to.manage}\n\n${w.unsubscribe}\n${to.unsubscribe}\n\n--\n${w.why}\n`,
      html: page(language, subject, `<p>${escapeHtml(w.alreadyIntro(area))}</p>\n<p>${link(to.manage, w.manageHtml)} · ${link(to.unsubscribe, w.unsubscribeHtml)}</p>\n${small(w.why)}`),
    };
  },

  alert: (language, params, links) => changesMessage(language, params, links, false),
  alert_digest: (language, params, links) => changesMessage(language, params, links, true),
};

/** The message a queued row stands for; a TemplateError when it cannot be written (it will never be, so it is given up). */
export function render(template: string, language: string, params: Params, links: Links): Rendered {
  const chosen = language === 'es' ? 'es' : 'en';
  const alert = alertTemplates[template];
  if (alert) return alert(chosen, params, links);
  const write = templates[template];
  if (!write) throw new TemplateError(`unknown template: ${template}`);
  return write(chosen, params, links.siteUrl);
}
