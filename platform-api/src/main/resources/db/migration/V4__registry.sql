-- Model registry (dev.cairn.api.registry): models, their numbered versions and movable aliases.

create sequence registered_model_seq start with 1 increment by 50;

create table registered_model (
    id            bigint        primary key,
    name          varchar(128)  not null,
    description   text,
    last_version  integer       not null default 0,
    created_at    timestamptz   not null,
    constraint registered_model_name unique (name)
);

create sequence model_version_seq start with 1 increment by 50;

create table model_version (
    id               bigint        primary key,
    model_id         bigint        not null references registered_model (id),
    version          integer       not null,
    manifest_sha256  char(64)      not null,
    payload_sha256   char(64),
    labels           jsonb         not null,
    input_signature  jsonb         not null,
    metrics          jsonb         not null,
    lineage          jsonb,
    -- A pipeline run registers at most one version: a redelivered result can never add a second.
    source_run_id    varchar(36),
    created_at       timestamptz   not null,
    constraint model_version_number unique (model_id, version),
    constraint model_version_source_run unique (source_run_id),
    constraint model_version_positive check (version >= 1),
    -- Target of model_alias' composite key, so an alias can only name a version of its own model.
    constraint model_version_of_model unique (id, model_id)
);

create sequence model_alias_seq start with 1 increment by 50;

create table model_alias (
    id          bigint        primary key,
    model_id    bigint        not null references registered_model (id),
    name        varchar(40)   not null,
    version_id  bigint        not null,
    updated_by  varchar(255),
    updated_at  timestamptz   not null,
    constraint model_alias_name unique (model_id, name),
    constraint model_alias_name_format check (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    constraint model_alias_version foreign key (version_id, model_id) references model_version (id, model_id)
);
create index model_alias_by_version on model_alias (version_id);
