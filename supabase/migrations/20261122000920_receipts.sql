-- Receipts and retry keys, one definition for every kind of submission
-- (workshop requests, watch groups, and tips from 0950 on; 0500 and 0600 keep
-- the copies they landed with, which these match exactly):
--   a retry key is kept as its sha-256;
--   a receipt is kept as the sha-256 of its normalised code, so a lookup of
--   whatever the resident typed finds it;
--   the receipt is also sealed with the retry key, so that only a retry with
--   the same key can read it back.

create function private.key_hash(key uuid) returns bytea
language sql immutable
set search_path = ''
as $$
  select sha256(convert_to(key::text, 'UTF8'))
$$;

create function private.receipt_hash(code text) returns bytea
language sql immutable
set search_path = ''
as $$
  select sha256(convert_to(private.normalised_receipt(code), 'UTF8'))
$$;

create function private.seal_receipt(receipt text, key uuid) returns bytea
language sql volatile
set search_path = ''
as $$
  select extensions.pgp_sym_encrypt(receipt, key::text, 'cipher-algo=aes256, s2k-mode=1')
$$;

create function private.open_receipt(sealed bytea, key uuid) returns text
language sql stable
set search_path = ''
as $$
  select extensions.pgp_sym_decrypt(sealed, key::text)
$$;

revoke all on function private.key_hash(uuid), private.receipt_hash(text), private.seal_receipt(text, uuid), private.open_receipt(bytea, uuid) from public;
