-- Audit log (dev.cairn.api.audit): append-only, hash-chained record of who changed what.

create table audit_entry (
    seq        bigint        primary key,
    at         timestamptz   not null,
    actor      varchar(255)  not null,
    action     varchar(64)   not null,
    target     varchar(512)  not null,
    before     jsonb,
    after      jsonb,
    prev_hash  char(64)      not null,
    hash       char(64)      not null,
    constraint audit_entry_seq_positive check (seq >= 1),
    constraint audit_entry_hash_hex check (hash ~ '^[0-9a-f]{64}$' and prev_hash ~ '^[0-9a-f]{64}$'),
    -- Two entries claiming the same predecessor would fork the chain: refused even if the application's
    -- lock were bypassed.
    constraint audit_entry_no_fork unique (prev_hash)
);
-- Newest first per target (history of one alias, rollback) and per action.
create index audit_entry_by_target on audit_entry (target, seq desc);
create index audit_entry_by_action on audit_entry (action, seq desc);

-- Entries are never changed or removed through SQL: only a role allowed to drop or disable this trigger
-- (the table owner or a superuser) can, and verification (GET /api/audit/verify) detects what it changed.
create function audit_entry_append_only() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
