-- Deployments (dev.cairn.api.deployments): a model alias served by N inference servers behind one endpoint.
-- Numbered 20 so that migrations of other features written at the same time keep their own numbers below it.

create sequence deployment_seq start with 1 increment by 50;

create table deployment (
    id                bigint        primary key,
    name              varchar(63)   not null,
    model_name        varchar(128)  not null,
    alias             varchar(40)   not null,
    version           integer       not null,
    manifest_sha256   char(64)      not null,
    -- The version served before the last change: what a rollback returns to (null for a fresh deployment).
    previous_version  integer,
    replicas          integer       not null,
    runtime           varchar(20)   not null,
    endpoint          varchar(255),
    status            varchar(20)   not null,
    updated_by        varchar(255)  not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    constraint deployment_name unique (name),
    constraint deployment_name_format check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    constraint deployment_replicas check (replicas between 1 and 16)
);
