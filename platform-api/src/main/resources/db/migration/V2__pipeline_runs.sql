create table pipeline_run (
    id               varchar(36) primary key,
    pipeline         varchar(64)  not null,
    spec             jsonb        not null,
    spec_source      text         not null,
    dataset_name     varchar(64)  not null,
    dataset_version  integer      not null,
    dataset          jsonb        not null,
    state            varchar(16)  not null,
    reason           text,
    tracking_run_id  varchar(36),
    model_name       varchar(128),
    model_version    integer,
    created_by       varchar(255),
    created_at       timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    optlock          integer      not null default 0
);
create index pipeline_run_pipeline on pipeline_run (pipeline, created_at desc);

create sequence step_run_seq start with 1 increment by 50;

create table step_run (
    id           bigint primary key,
    run_id       varchar(36)  not null references pipeline_run (id) on delete cascade,
    position     integer      not null,
    step         varchar(16)  not null,
    state        varchar(16)  not null,
    reason       text,
    task_id      varchar(36),
    attempt      integer      not null default 0,
    outputs      jsonb,
    metrics      jsonb,
    report       jsonb,
    worker       varchar(255),
    started_at   timestamptz,
    finished_at  timestamptz,
    constraint step_run_run_step unique (run_id, step)
);
