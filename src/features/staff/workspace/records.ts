// What staff read of each table, column by column: the grants allow staff
// only these (a `select *` is refused), and row-level security decides which
// rows. The inbox reads a short form of each item; an opened item, all of it.

export const itemKinds = ['tip', 'watch_group', 'workshop_request', 'suggestion'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const statusesOf = {
  tip: ['received', 'under_review', 'referred', 'action_taken', 'closed'],
  watch_group: ['pending', 'changes_requested', 'approved', 'declined', 'retired'],
  workshop_request: ['received', 'confirmed', 'declined', 'completed'],
  suggestion: ['received', 'answered', 'adopted', 'closed'],
} as const satisfies Record<ItemKind, readonly string[]>;

export type TipStatus = (typeof statusesOf.tip)[number];
export type WatchGroupStatus = (typeof statusesOf.watch_group)[number];
export type WorkshopRequestStatus = (typeof statusesOf.workshop_request)[number];
export type SuggestionStatus = (typeof statusesOf.suggestion)[number];

/** What still waits for staff: new, or in hand and not finished. */
export const openStatuses: Record<ItemKind, readonly string[]> = {
  tip: ['received', 'under_review', 'referred', 'action_taken'],
  watch_group: ['pending', 'changes_requested'],
  workshop_request: ['received', 'confirmed'],
  // An answered suggestion may still become a priority at the next meeting.
  suggestion: ['received', 'answered'],
};

export const tables: Record<ItemKind, { table: string; id: string }> = {
  tip: { table: 'tips', id: 'tip_id' },
  watch_group: { table: 'watch_groups', id: 'watch_group_id' },
  workshop_request: { table: 'workshop_requests', id: 'workshop_request_id' },
  suggestion: { table: 'priority_suggestions', id: 'suggestion_id' },
};

export const staffRoles = ['officer', 'supervisor', 'coordinator'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffMember {
  role: StaffRole;
  officer_slug: string | null;
  district: string | null;
}

export interface TipRecord {
  tip_id: string;
  category: string;
  description: string | null;
  beat: string | null;
  occurred_at: string | null;
  ongoing: boolean;
  status: TipStatus;
  created_at: string;
  status_changed_at: string;
  public_reply: string | null;
  purged_at: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  vehicle_description: string | null;
  person_description: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_language: string | null;
  assigned_to: string | null;
  duplicate_of: string | null;
}

export interface WatchGroupRecord {
  watch_group_id: string;
  name: string;
  beat: string | null;
  area: unknown;
  status: WatchGroupStatus;
  created_at: string;
  approved_at: string | null;
  meeting_preference: string | null;
  meeting_note: string | null;
  expected_members: number | null;
  public_note: string | null;
  status_changed_at: string;
}

export interface WatchMemberRecord {
  member_id: string;
  watch_group_id: string;
  role: 'captain' | 'member';
  name: string;
  email: string | null;
  phone: string | null;
  block: string | null;
  created_at: string;
}

export interface WorkshopRequestRecord {
  workshop_request_id: string;
  workshop: string;
  business_name: string;
  address: string;
  beat: string | null;
  latitude: number | null;
  longitude: number | null;
  contact_name: string;
  contact_email: string | null;
  contact_phone: string | null;
  contact_language: string | null;
  attendees: number | null;
  preferred_times: string[];
  notes: string | null;
  status: WorkshopRequestStatus;
  confirmed_at: string | null;
  decline_reason: string | null;
  status_changed_at: string;
  created_at: string;
}

/** A resident's suggestion of a problem for their beat's priorities: what they wrote is for the beat's staff only. */
export interface SuggestionRecord {
  suggestion_id: string;
  beat: string;
  problem: string;
  status: SuggestionStatus;
  status_changed_at: string;
  public_reply: string | null;
  /** The priority it became. */
  priority_id: string | null;
  created_at: string;
}

export interface HistoryRecord {
  history_id: number;
  kind: ItemKind;
  item_id: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
  changed_by: string | null;
  changed_by_email: string | null;
  changed_at: string;
}

/** One account of the staff directory (staff_directory(), coordinators only): role null for an account never given one. */
export interface StaffAccount {
  user_id: string;
  email: string;
  role: StaffRole | null;
  officer_slug: string | null;
  district: string | null;
  active: boolean;
}

/** A change of an account's role or scope, recorded like every other change; item_id is the account's user id. */
export type StaffHistoryRecord = Omit<HistoryRecord, 'kind' | 'field'> & { kind: 'staff_member'; field: 'role' | 'officer_slug' | 'district' | 'active' };

/** Every column staff may read, for an opened item. */
export const fullColumns: Record<ItemKind, string> = {
  tip:
    'tip_id, category, description, beat, occurred_at, ongoing, status, created_at, status_changed_at, public_reply, purged_at, place, latitude, longitude, vehicle_description, person_description, contact_name, contact_email, contact_phone, contact_language, assigned_to, duplicate_of',
  watch_group: 'watch_group_id, name, beat, area, status, created_at, approved_at, meeting_preference, meeting_note, expected_members, public_note, status_changed_at',
  workshop_request:
    'workshop_request_id, workshop, business_name, address, beat, latitude, longitude, contact_name, contact_email, contact_phone, contact_language, attendees, preferred_times, notes, status, confirmed_at, decline_reason, status_changed_at, created_at',
  suggestion: 'suggestion_id, beat, problem, status, status_changed_at, public_reply, priority_id, created_at',
};

/** The inbox's short form: enough to list, filter and export, without anyone's contact details. */
export const listColumns: Record<ItemKind, string> = {
  tip: 'tip_id, category, description, beat, status, created_at, status_changed_at, place, assigned_to',
  watch_group: 'watch_group_id, name, beat, status, created_at, status_changed_at, meeting_note',
  workshop_request: 'workshop_request_id, workshop, business_name, address, beat, status, created_at, status_changed_at, notes',
  suggestion: 'suggestion_id, beat, problem, status, created_at, status_changed_at',
};

export type TipListRow = Pick<TipRecord, 'tip_id' | 'category' | 'description' | 'beat' | 'status' | 'created_at' | 'status_changed_at' | 'place' | 'assigned_to'>;
export type WatchGroupListRow = Pick<WatchGroupRecord, 'watch_group_id' | 'name' | 'beat' | 'status' | 'created_at' | 'status_changed_at' | 'meeting_note'>;
export type WorkshopRequestListRow = Pick<
  WorkshopRequestRecord,
  'workshop_request_id' | 'workshop' | 'business_name' | 'address' | 'beat' | 'status' | 'created_at' | 'status_changed_at' | 'notes'
>;

export type SuggestionListRow = Pick<SuggestionRecord, 'suggestion_id' | 'beat' | 'problem' | 'status' | 'created_at' | 'status_changed_at'>;

export const historyColumns = 'history_id, kind, item_id, field, from_value, to_value, note, changed_by, changed_by_email, changed_at';
export const memberColumns = 'member_id, watch_group_id, role, name, email, phone, block, created_at';
