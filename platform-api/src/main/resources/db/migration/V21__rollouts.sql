-- Rollouts (dev.cairn.api.deployments): a candidate version driven through a strategy by the rollout controller,
-- and every decision the controller (or a person) took, with the evidence it was taken on.

create sequence rollout_seq start with 1 increment by 50;
create sequence rollout_decision_seq start with 1 increment by 50;

create table rollout (
    id                    bigint        primary key,
    deployment_name       varchar(63)   not null,
    model_name            varchar(128)  not null,
    stable_version        integer       not null,
    candidate_version     integer       not null,
    candidate_sha256      char(64)      not null,
    strategy              varchar(20)   not null,
    -- Candidate traffic per step in percent, comma-separated (canary); blue-green and shadow have one step.
    steps                 varchar(200)  not null,
    step_index            integer       not null,
    status                varchar(20)   not null,
    max_error_rate        double precision not null,
    max_p99_ms            double precision not null,
    max_label_divergence  double precision not null,
    min_agreement         double precision not null,
    interval_ms           bigint        not null,
    min_requests          integer       not null,
    started_by            varchar(255)  not null,
    started_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    finished_at           timestamptz,
    outcome               varchar(1000),
    constraint rollout_strategy check (strategy in ('CANARY', 'BLUE_GREEN', 'SHADOW')),
    constraint rollout_status check (status in ('RUNNING', 'PROMOTED', 'ROLLED_BACK', 'FAILED'))
);

-- At most one rollout in progress per deployment: the controller and the API rely on it.
create unique index rollout_one_running on rollout (deployment_name) where status = 'RUNNING';
create index rollout_by_deployment on rollout (deployment_name, started_at desc);

create table rollout_decision (
    id           bigint        primary key,
    rollout_id   bigint        not null references rollout (id),
    decided_at   timestamptz   not null,
    -- STARTED, STEP (more traffic), HOLD (window inconclusive), PROMOTED, ROLLED_BACK, FAILED
    kind         varchar(20)   not null,
    step_index   integer       not null,
    candidate_percent integer  not null,
    mirrored     boolean       not null,
    reason       varchar(1000) not null,
    -- What was measured in the window the decision closed (see Evidence); null for decisions taken by a person.
    evidence     jsonb,
    decided_by   varchar(255)  not null
);
create index rollout_decision_by_rollout on rollout_decision (rollout_id, decided_at);
