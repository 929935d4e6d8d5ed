-- Every change of a tip's status is kept, in order, in a history no one can
-- rewrite: rows are added by a trigger on tips, and a trigger on the history
-- refuses any update or delete, whoever asks (staff, service role or owner).

create table public.tip_status_changes (
  tip_status_change_id bigint generated always as identity primary key,
  tip_id uuid not null references public.tips (tip_id) on delete restrict,
  from_status text,
  to_status text not null,
  changed_at timestamptz not null default now(),
  -- the staff member (auth.uid()) when a person made the change; null for the system
  changed_by uuid default auth.uid()
);

comment on table public.tip_status_changes is
  'The history of every tip''s status, appended by a trigger and never changed. Read by staff (policies come with the staff workspace).';

alter table public.tip_status_changes enable row level security;
revoke all on table public.tip_status_changes from anon, authenticated;

create function private.record_tip_status() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.tip_status_changes (tip_id, from_status, to_status)
    values (new.tip_id, case when tg_op = 'UPDATE' then old.status end, new.status);
  end if;
  return null;
end
$$;

-- After the row exists, so the history can refer to it.
create trigger tips_record_status
  after insert or update of status on public.tips
  for each row execute function private.record_tip_status();

-- The date the resident sees as "last updated" moves with every change of status.
create function private.stamp_tip_status() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    new.status_changed_at := now();
  end if;
  return new;
end
$$;

create trigger tips_stamp_status
  before update of status on public.tips
  for each row execute function private.stamp_tip_status();

create function private.history_is_append_only() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = 'the tip history cannot be changed or deleted';
end
$$;

create trigger tip_status_changes_append_only
  before update or delete on public.tip_status_changes
  for each row execute function private.history_is_append_only();
