-- Drift over time (dev.cairn.api.monitoring): each closed window's figures from cairn.monitoring, a bounded series per
-- deployment (cairn.monitoring.windows-kept). Features are a JSON list: their names come from the model, not from us.

create sequence monitoring_window_seq start with 1 increment by 50;

create table monitoring_window (
    id               bigint        primary key,
    deployment_id    varchar(63)   not null,
    model_version    varchar(32),
    model_package    varchar(64),
    window_start     timestamptz   not null,
    window_end       timestamptz   not null,
    predictions      bigint        not null,
    drift_scored     boolean       not null,
    features         jsonb         not null,
    prediction       jsonb,
    performance      jsonb,
    health           jsonb,
    received_at      timestamptz   not null,
    -- A redelivered record is the same window: stored once.
    constraint monitoring_window_once unique (deployment_id, model_package, window_start, window_end)
);
create index monitoring_window_series on monitoring_window (deployment_id, window_end desc);
