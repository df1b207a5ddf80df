-- Per-epoch figures a step reported (e.g. an MLP's loss and validation metrics), by name: value i is epoch i + 1.
-- Copied to the tracked run's metric history (step = epoch) when the pipeline run ends; kept in the step cache so a
-- cached train step still draws its curves.
alter table step_run add column curves jsonb;
alter table step_cache add column curves jsonb;
