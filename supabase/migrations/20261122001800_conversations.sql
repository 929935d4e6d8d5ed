-- Conversations: staff ask the resident who sent a tip, a watch group's
-- registration or a workshop request a question, and the resident answers
-- with their receipt code, still without saying who they are (Crime
-- Stoppers' two-way dialogue keyed to the tipster's code).
--
--   ask_resident(kind, item_id, body): staff of the item's beat ask. The
--   question is in the item's history (field 'question', the text as its
--   note, as staff's public replies are). A tipster who left an email address
--   is told that there is a new message, never the message itself.
--   conversation(receipt): the messages of the item with that receipt code,
--   and nothing else: who (staff or the resident), the minute, the text.
--   reply_to_staff(receipt, body, idempotency_key, proof): the resident's
--   answer, only while a question waits for one (so the channel cannot carry
--   a flood), with a proof of work, a site ceiling and an edge limit as every
--   submission. Its history row says that the resident answered, not what:
--   the history outlives the retention purge, and a resident's words must not.
--   mark_conversation_read(kind, item_id): staff opened the item. The marker is
--   the team's, per answer (read_at): an answer is news until someone who may
--   act on it has seen it, as an item in the inbox is.
--
-- Staff hear of an answer as of a new item: notification kind 'reply' (in the
-- mail outbox migration), with the kind of item, the beat and a link, never the text.

create table public.conversation_messages (
  message_id bigint generated always as identity primary key,
  kind text not null
    constraint conversation_messages_kind_known check (kind in ('tip', 'watch_group', 'workshop_request')),
  item_id uuid not null,
  -- a staff member's question, or the resident's answer (who asked is in staff_history)
  from_staff boolean not null,
  body text not null
    constraint conversation_messages_body_length check (char_length(body) between 1 and 5000),
  -- sha-256 of the resident's retry key, so a retried answer is stored once
  idempotency_hash bytea unique,
  -- when staff first opened the item after this answer arrived
  read_at timestamptz,
  created_at timestamptz not null default now(),
  constraint conversation_messages_answers_keyed check ((idempotency_hash is null) = from_staff),
  constraint conversation_messages_questions_read check (not (from_staff and read_at is not null))
);
create index conversation_messages_item on public.conversation_messages (kind, item_id, message_id);
create index conversation_messages_unread on public.conversation_messages (kind, item_id) where not from_staff and read_at is null;
create index conversation_messages_answers on public.conversation_messages (created_at) where not from_staff;

comment on table public.conversation_messages is
  'Questions staff asked the resident behind an item (tip, watch group, workshop request) and the resident''s answers, given with the receipt code. No address, browser or name is kept. Staff read those of the items they see; residents use conversation() and reply_to_staff().';
comment on column public.conversation_messages.read_at is 'For an answer: when a staff member first opened its item after it arrived (the team''s read marker).';

alter table public.conversation_messages enable row level security;
revoke all on public.conversation_messages from anon, authenticated;
revoke all on sequence public.conversation_messages_message_id_seq from anon, authenticated;

grant select (message_id, kind, item_id, from_staff, body, read_at, created_at) on public.conversation_messages to authenticated;
create policy conversation_messages_authenticated_select on public.conversation_messages for select to authenticated using (
  case kind
    when 'tip' then exists (select from public.tips as t where t.tip_id = conversation_messages.item_id)
    when 'watch_group' then exists (select from public.watch_groups as g where g.watch_group_id = conversation_messages.item_id)
    when 'workshop_request' then exists (select from public.workshop_requests as w where w.workshop_request_id = conversation_messages.item_id)
  end
);

-- The residents' answers alone, for the site's ceiling on them (private.check_ceiling counts created_at).
create view private.resident_answers with (security_barrier) as
  select m.created_at from public.conversation_messages as m where not m.from_staff;
revoke all on private.resident_answers from public, anon, authenticated;

insert into private.submission_ceilings (action, most, per) values ('reply_to_staff', 300, interval '1 hour');

-- The beat of an item a conversation may be about; known is false when there
-- is no such item, purged true when the retention purge removed what its
-- resident gave (a conversation begun after that would outlive the purge).
create function private.conversation_item(kind text, item_id uuid, out known boolean, out beat text, out purged boolean)
language plpgsql stable
set search_path = ''
as $$
begin
  if conversation_item.kind = 'tip' then
    select true, t.beat, t.purged_at is not null into known, beat, purged from public.tips as t where t.tip_id = conversation_item.item_id;
  elsif conversation_item.kind = 'watch_group' then
    select true, g.beat, false into known, beat, purged from public.watch_groups as g where g.watch_group_id = conversation_item.item_id;
  elsif conversation_item.kind = 'workshop_request' then
    select true, w.beat, w.purged_at is not null into known, beat, purged
      from public.workshop_requests as w where w.workshop_request_id = conversation_item.item_id;
  end if;
  known := coalesce(known, false);
end
$$;

-- The item a receipt code belongs to, whichever kind it is; no row for a wrong or unknown code.
create function private.item_of_receipt(receipt text)
returns table (kind text, item_id uuid)
language sql stable
set search_path = ''
as $$
  select 'tip', t.tip_id from public.tips as t where t.receipt_hash = private.receipt_hash(receipt)
  union all
  select 'watch_group', g.watch_group_id from public.watch_groups as g where g.receipt_hash = private.receipt_hash(receipt)
  union all
  select 'workshop_request', w.workshop_request_id from public.workshop_requests as w where w.receipt_hash = private.receipt_hash(receipt)
  limit 1
$$;

-- The page of the site where the holder of a receipt reads a conversation, in
-- a language: the site's first language is at the root, the others under
-- /<tag>/, and a language the site does not publish falls back to the first.
create function private.status_page(kind text, language text) returns text
language sql stable
set search_path = ''
as $$
  select case when language = any (coalesce(s.locales[2:], '{}')) then '/' || language else '' end
      || case kind when 'tip' then '/tip/status' when 'watch_group' then '/watch/status' else '/workshops/status' end
    from (select (select l.locales from public.site_settings as l limit 1) as locales) as s
$$;

-- Trimmed as the answer form trims (JavaScript's trim()): every Unicode space,
-- not only those \s knows, so a text of spaces alone is no answer in either.
create function private.trimmed_answer(value text) returns text
language sql immutable
set search_path = ''
as $$
  select nullif(regexp_replace(value, '^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$', '', 'g'), '')
$$;

revoke all on function private.conversation_item(text, uuid), private.item_of_receipt(text), private.status_page(text, text), private.trimmed_answer(text) from public;

create function public.ask_resident(kind text, item_id uuid, body text)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  item record;
  question text := private.trimmed(ask_resident.body);
  tipster record;
begin
  if ask_resident.kind is null or ask_resident.kind not in ('tip', 'watch_group', 'workshop_request') then
    perform private.refuse('kind', 'choose a tip, a watch group or a workshop request');
  end if;
  item := private.conversation_item(ask_resident.kind, ask_resident.item_id);
  -- The caller's own scope decides, as if they had read the item themselves.
  if not item.known or not coalesce(staff_access.sees_beat(item.beat), false) then
    perform private.refuse('item_id', 'no such item in your beats');
  end if;
  if question is null or char_length(question) > 5000 then
    perform private.refuse('body', 'write a question of 1 to 5000 characters');
  end if;
  if item.purged then
    perform private.refuse('item_id', 'what the resident gave was removed under the retention policy: there is nobody to ask');
  end if;
  insert into public.conversation_messages (kind, item_id, from_staff, body)
  values (ask_resident.kind, ask_resident.item_id, true, question);
  insert into public.staff_history (kind, item_id, field, note)
  values (ask_resident.kind, ask_resident.item_id, 'question', question);
  -- Only a tipster who chose to be contacted by email, and only that a message waits.
  if ask_resident.kind = 'tip' then
    select t.contact_email, case when t.contact_language = 'es' then 'es' else 'en' end as language into tipster
      from public.tips as t where t.tip_id = ask_resident.item_id and t.purged_at is null;
    if tipster.contact_email is not null then
      perform private.queue_mail(tipster.contact_email, tipster.language, 'resident_new_message',
        jsonb_build_object('kind', 'tip', 'link', private.status_page('tip', tipster.language)));
    end if;
  end if;
end
$$;
comment on function public.ask_resident(text, uuid, text) is
  'Staff of the item''s beat ask its resident a question, read with the receipt code; kept in the item''s history. A tipster who gave an email address is told a message waits, without its text.';

create function public.mark_conversation_read(kind text, item_id uuid)
returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  item record := private.conversation_item(mark_conversation_read.kind, mark_conversation_read.item_id);
  marked integer;
begin
  if not item.known or not coalesce(staff_access.sees_beat(item.beat), false) then
    perform private.refuse('item_id', 'no such item in your beats');
  end if;
  update public.conversation_messages as m
     set read_at = now()
   where m.kind = mark_conversation_read.kind and m.item_id = mark_conversation_read.item_id and not m.from_staff and m.read_at is null;
  get diagnostics marked = row_count;
  return marked;
end
$$;
comment on function public.mark_conversation_read(text, uuid) is
  'Staff opened the item: its residents'' answers are read, for the whole team. How many were not yet.';

revoke all on function public.ask_resident(text, uuid, text), public.mark_conversation_read(text, uuid) from public, anon;
grant execute on function public.ask_resident(text, uuid, text), public.mark_conversation_read(text, uuid) to authenticated;

-- The messages of the item whose receipt code is given, oldest first, and
-- nothing else; no row for a wrong or unknown code, as for one with no
-- message. The minute is enough to follow a conversation. Volatile, so that
-- PostgREST takes it by POST only: a code never sits in a URL.
create function public.conversation(receipt text)
returns table (author text, written_at timestamptz, body text)
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  return query
    select case when m.from_staff then 'staff' else 'resident' end, date_trunc('minute', m.created_at), m.body
      from private.item_of_receipt(conversation.receipt) as i
      join public.conversation_messages as m on m.kind = i.kind and m.item_id = i.item_id
     order by m.message_id;
end
$$;
comment on function public.conversation(text) is
  'The questions and answers about the item whose receipt code is given: author (staff or resident), the minute, the text. No row for a wrong or unknown code.';

-- The resident's answer: checked like a submission (retry key first, then
-- the text, the waiting question, the proof of work and the site's ceiling).
create function public.reply_to_staff(receipt text, body text, idempotency_key uuid, proof jsonb default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  answer text := private.trimmed_answer(reply_to_staff.body);
  item record;
begin
  if reply_to_staff.idempotency_key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  if exists (select from public.conversation_messages as m where m.idempotency_hash = private.key_hash(reply_to_staff.idempotency_key)) then
    return jsonb_build_object('stored', true);
  end if;
  select i.kind, i.item_id into item from private.item_of_receipt(reply_to_staff.receipt) as i;
  if not found then
    perform private.refuse('receipt', 'no tip, registration or request has this receipt code');
  end if;
  if answer is null or char_length(answer) > 5000 then
    perform private.refuse('body', 'write your answer in 1 to 5000 characters');
  end if;
  -- One answer a question: two answers racing for the same question take turns.
  perform pg_advisory_xact_lock(hashtext('openbeat conversation ' || item.item_id::text));
  if not coalesce((select m.from_staff from public.conversation_messages as m
                    where m.kind = item.kind and m.item_id = item.item_id
                    order by m.message_id desc limit 1), false) then
    perform private.refuse('question', 'there is no question waiting for your answer');
  end if;
  perform private.admit_submission('reply_to_staff', 'private.resident_answers', reply_to_staff.idempotency_key, reply_to_staff.proof);
  insert into public.conversation_messages (kind, item_id, from_staff, body, idempotency_hash)
  values (item.kind, item.item_id, false, answer, private.key_hash(reply_to_staff.idempotency_key))
  on conflict (idempotency_hash) do nothing;
  if found then
    -- That the resident answered, not what: the history is kept past the retention purge.
    insert into public.staff_history (kind, item_id, field) values (item.kind, item.item_id, 'answer');
  end if;
  return jsonb_build_object('stored', true);
end
$$;
comment on function public.reply_to_staff(text, text, uuid, jsonb) is
  'The resident''s answer to the question waiting on the item whose receipt code is given: {stored}. Refused when no question waits. Repeating an idempotency key stores nothing more.';

revoke all on function public.conversation(text), public.reply_to_staff(text, text, uuid, jsonb) from public;
grant execute on function public.conversation(text), public.reply_to_staff(text, text, uuid, jsonb) to anon, authenticated;

-- An answer is news for staff, as a new item is: recorded for the digests, and
-- one email to each active staff member of the item's beat who chose
-- "immediately" for replies. The kind of item, its beat and a link only.
create function private.notify_staff_of_answer() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  item_beat text := (private.conversation_item(new.kind, new.item_id)).beat;
begin
  insert into private.staff_arrivals (kind, item_id, beat) values ('reply', new.item_id, item_beat);
  insert into private.mail_outbox (recipient, language, template, params)
  select u.email, coalesce(n.language, 'en'), 'staff_new_item',
         jsonb_build_object('kind', 'reply', 'beat', item_beat, 'link', private.workspace_link(new.kind, new.item_id))
    from public.staff_members as s
    join auth.users as u on u.id = s.user_id
    left join public.staff_notification_settings as n on n.user_id = s.user_id
   where s.active and private.valid_email(u.email)
     and private.delivery_of(n, 'reply') = 'immediately'
     and private.staff_sees_beat(s.user_id, item_beat);
  if found then
    perform pg_notify('openbeat_mail', '');
  end if;
  return null;
end
$$;
revoke all on function private.notify_staff_of_answer() from public;

create trigger conversation_messages_notify_staff after insert on public.conversation_messages
  for each row when (not new.from_staff) execute function private.notify_staff_of_answer();

-- The retention purge of an item removes its conversation with the rest of what the resident wrote.
create function private.forget_conversation() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.conversation_messages as m
   where m.kind = tg_argv[0] and m.item_id = (to_jsonb(new) ->> tg_argv[1])::uuid;
  return null;
end
$$;
revoke all on function private.forget_conversation() from public;

create trigger tips_forget_conversation after update of purged_at on public.tips
  for each row when (old.purged_at is null and new.purged_at is not null)
  execute function private.forget_conversation('tip', 'tip_id');
create trigger workshop_requests_forget_conversation after update of purged_at on public.workshop_requests
  for each row when (old.purged_at is null and new.purged_at is not null)
  execute function private.forget_conversation('workshop_request', 'workshop_request_id');
-- A declined group keeps its row when the purge deletes its captain and members: its conversation goes with them.
create function private.forget_declined_group_conversation() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.conversation_messages as m
   using public.watch_groups as g
   where m.kind = 'watch_group' and m.item_id = old.watch_group_id
     and g.watch_group_id = old.watch_group_id and g.status = 'declined';
  return null;
end
$$;
revoke all on function private.forget_declined_group_conversation() from public;

create trigger watch_members_forget_conversation after delete on public.watch_members
  for each row execute function private.forget_declined_group_conversation();
