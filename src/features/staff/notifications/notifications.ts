// A staff member's email notifications, as staff_notifications() gives them
// and save_staff_notifications() takes them (the mail_outbox migration): for
// each kind of new item in their scope, when to be told, and in which language.

/** The kinds of new item staff may be told about (public.notification_kind): a new kind is one more line, and its words. */
export const notificationKinds = ['tip', 'watch_group', 'workshop_request', 'suggestion', 'reply'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** public.notification_delivery, in the order the form offers them. */
export const deliveries = ['immediately', 'daily', 'none'] as const;
export type Delivery = (typeof deliveries)[number];

export interface NotificationSettings {
  language: string;
  deliveries: Record<NotificationKind, Delivery>;
}

/** The kinds whose choice differs from what was saved: only those are sent, so a kind added meanwhile keeps its own. */
export function changedDeliveries(saved: NotificationSettings, chosen: NotificationSettings): Partial<Record<NotificationKind, Delivery>> {
  return Object.fromEntries(notificationKinds.filter((kind) => chosen.deliveries[kind] !== saved.deliveries[kind]).map((kind) => [kind, chosen.deliveries[kind]]));
}
