-- How a resident may be reached, checked the same way wherever they give it
-- (tips, watch groups, workshop requests) and the same as the forms'
-- src/lib/forms/contact.schema.ts. Each is true for a value the forms accept.

-- "No whitespace" means JavaScript's \s, spelled out: Postgres's \s leaves out
-- the Unicode spaces (no-break, em, ideographic…) that JavaScript's includes.
create function private.valid_email(email text) returns boolean
language sql immutable
set search_path = ''
as $$
  select char_length(email) <= 254
     and email ~ '^[^@]+@[^@]+\.[^@.]+$'
     and email !~ '[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]'
$$;

create function private.valid_phone(phone text) returns boolean
language sql immutable
set search_path = ''
as $$
  select char_length(phone) <= 30
     and phone ~ '^\+?[0-9][0-9 ().-]*$'
     and char_length(regexp_replace(phone, '[^0-9]', '', 'g')) between 7 and 15
$$;

create function private.valid_language(language text) returns boolean
language sql immutable
set search_path = ''
as $$
  select char_length(language) <= 35 and language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'
$$;

-- Text as the forms send it: no whitespace at either end (the forms trim it).
create function private.trimmed(value text) returns text
language sql immutable
set search_path = ''
as $$
  select nullif(regexp_replace(value, '^\s+|\s+$', '', 'g'), '')
$$;

revoke all on function private.valid_email(text), private.valid_phone(text), private.valid_language(text), private.trimmed(text) from public;
