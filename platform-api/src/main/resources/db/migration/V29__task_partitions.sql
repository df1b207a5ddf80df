-- Trials are placed on a chosen partition of cairn.tasks (see TrialPlacement), so that a trial goes to a worker
-- that is idle instead of queuing behind a busy one. Null keeps Kafka's key hashing (every other task).
alter table outbox add column task_partition integer;
alter table search_trial add column task_partition integer;
-- Which worker owns a partition is learnt from the trials started on it most recently.
create index search_trial_partition_started on search_trial (task_partition, started_at desc)
    where task_partition is not null;
