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

/** The message a queued row stands for; a TemplateError when it cannot be written (it will never be, so it is given up). */
export function render(template: string, language: string, params: Params, siteUrl: string): Rendered {
  const write = templates[template];
  if (!write) throw new TemplateError(`unknown template: ${template}`);
  return write(language === 'es' ? 'es' : 'en', params, siteUrl);
}
