-- Step caching: the key a step was dispatched under, and whether it reused an earlier execution's output.
alter table step_run add column cache_key varchar(64);
alter table step_run add column cached boolean not null default false;
alter table step_run add column cached_from varchar(36);

create table step_cache (
    cache_key      varchar(64) primary key,
    step           varchar(16) not null,
    outputs        jsonb       not null,
    metrics        jsonb,
    report         jsonb,
    source_run_id  varchar(36) not null,
    created_at     timestamptz not null
);

-- Hyperparameter search: one row per trial task. (run, config, rung) is unique, so a configuration is
-- never trained twice on the same budget whatever is redelivered or restarted.
create sequence search_trial_seq start with 1 increment by 50;

create table search_trial (
    id               bigint primary key,
    run_id           varchar(36)  not null references pipeline_run (id) on delete cascade,
    number           integer      not null,
    config           integer      not null,
    rung             integer      not null,
    params           jsonb        not null,
    state            varchar(16)  not null,
    reason           text,
    task_id          varchar(36)  not null unique,
    attempt          integer      not null,
    score            double precision,
    metrics          jsonb,
    outputs          jsonb,
    tracking_run_id  varchar(36),
    worker           varchar(255),
    started_at       timestamptz,
    finished_at      timestamptz,
    constraint search_trial_run_number unique (run_id, number),
    constraint search_trial_run_config_rung unique (run_id, config, rung)
);
