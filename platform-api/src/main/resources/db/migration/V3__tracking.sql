-- Experiments and runs (dev.cairn.api.tracking), MLflow-like: params are write-once, metrics keep
-- their whole history (run_metric) plus the newest point per key (run_latest_metric), artifacts
-- name content in the artifact store by SHA-256.

create sequence experiment_seq start with 1 increment by 50;

create table experiment (
    id           bigint        primary key,
    name         varchar(128)  not null,
    description  text,
    created_by   varchar(255),
    created_at   timestamptz   not null,
    constraint experiment_name unique (name)
);

create table experiment_run (
    id             varchar(36)   primary key,
    experiment_id  bigint        not null references experiment (id),
    name           varchar(250),
    status         varchar(16)   not null,
    source         varchar(255),
    created_by     varchar(255),
    start_time     timestamptz   not null,
    end_time       timestamptz,
    constraint experiment_run_status check (status in ('RUNNING', 'FINISHED', 'FAILED', 'KILLED'))
);
-- Listing an experiment's runs, newest first; finding the run a pipeline run started.
create index experiment_run_by_start on experiment_run (experiment_id, start_time desc, id);
create index experiment_run_by_source on experiment_run (experiment_id, source);

create table run_param (
    run_id  varchar(36)    not null references experiment_run (id) on delete cascade,
    name    varchar(250)   not null,
    value   varchar(6000)  not null,
    primary key (run_id, name)
);

create table run_tag (
    run_id  varchar(36)    not null references experiment_run (id) on delete cascade,
    name    varchar(250)   not null,
    value   varchar(6000)  not null,
    primary key (run_id, name)
);

create sequence run_metric_seq start with 1 increment by 50;

create table run_metric (
    id         bigint            primary key,
    run_id     varchar(36)       not null references experiment_run (id) on delete cascade,
    name       varchar(250)      not null,
    value      double precision  not null,
    step       bigint            not null,
    logged_at  timestamptz       not null
);
create index run_metric_history on run_metric (run_id, name, step, logged_at);

create table run_latest_metric (
    run_id     varchar(36)       not null references experiment_run (id) on delete cascade,
    name       varchar(250)      not null,
    value      double precision  not null,
    step       bigint            not null,
    logged_at  timestamptz       not null,
    primary key (run_id, name)
);

create table run_artifact (
    run_id        varchar(36)   not null references experiment_run (id) on delete cascade,
    name          varchar(200)  not null,
    sha256        char(64)      not null,
    size_bytes    bigint        not null,
    content_type  varchar(255)  not null,
    created_at    timestamptz   not null,
    primary key (run_id, name)
);
