-- Alerts (dev.cairn.api.monitoring): one row per alert episode from cairn.alerts. The firing record creates it, the
-- resolving record (same alert_id) closes it; a redelivered record changes nothing.

create table alert (
    alert_id            varchar(200)  primary key,
    state               varchar(16)   not null,
    kind                varchar(16)   not null,
    deployment_id       varchar(63)   not null,
    model_version       varchar(32),
    model_package       varchar(64),
    rule                varchar(100)  not null,
    feature             varchar(255),
    metric              varchar(64)   not null,
    -- The figure and the line of the record that fired it; the resolving record's are kept next to them.
    value               double precision,
    threshold           double precision,
    window_start        timestamptz,
    window_end          timestamptz,
    window_predictions  bigint,
    message             text,
    fired_at            timestamptz,
    resolved_at         timestamptz,
    resolved_value      double precision,
    received_at         timestamptz   not null,
    constraint alert_state check (state in ('FIRING', 'RESOLVED')),
    constraint alert_kind check (kind in ('DRIFT', 'QUALITY', 'PERFORMANCE', 'HEALTH'))
);
create index alert_by_deployment on alert (deployment_id, received_at desc);
create index alert_by_state on alert (state, received_at desc);
