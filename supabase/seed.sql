-- Local seed, applied after the migrations at every start of the embedded stack
-- (so it must stay idempotent). Staff accounts for the local sign-in come here
-- with the staff workspace. Never run against a hosted project.
select 1;
