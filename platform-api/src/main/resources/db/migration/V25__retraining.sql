-- Retraining (dev.cairn.api.monitoring): what the control plane decided for each firing drift or performance alert.
-- One decision per alert episode (the primary key), so a redelivered or repeated alert never starts a second run.

create table retraining_trigger (
    alert_id       varchar(200)  primary key references alert (alert_id),
    deployment_id  varchar(63)   not null,
    pipeline       varchar(64),
    source_run_id  varchar(36),
    -- STARTED: run_id is the new run; SKIPPED: reason says why (no policy, kind not covered, cooldown, no new data).
    decision       varchar(16)   not null,
    run_id         varchar(36)   references pipeline_run (id),
    reason         text          not null,
    decided_at     timestamptz   not null,
    constraint retraining_trigger_decision check (decision in ('STARTED', 'SKIPPED'))
);
create index retraining_trigger_by_pipeline on retraining_trigger (pipeline, decision, decided_at desc);
create index retraining_trigger_by_deployment on retraining_trigger (deployment_id, decided_at desc);
