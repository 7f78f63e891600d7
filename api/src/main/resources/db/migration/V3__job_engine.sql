-- Solve jobs dispatched by db-scheduler, shared by every careroute instance on this database.
-- Portable SQL: runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

-- db-scheduler's table, as its PostgreSQL schema defines it, with varchar keys (H2 cannot index text) and
-- without task data (a solve job is keyed by its plan id; everything else is in the plan row).
create table scheduled_tasks (
    task_name             varchar(100)             not null,
    task_instance         varchar(100)             not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             varchar(200),
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- Who solves a plan, across instances:
--   solved_by       the instance solving it now (or that solved it last);
--   runs            how many times a solver took it up (1 for a plan solved in one go);
--   takeovers       how many of those took it over from an instance that died or shut down mid-solve;
--   stop_requested  a stop asked on any instance, seen by the solving one at its next save;
--   solve_until_ms  the solving time (spent_ms) at which the current run ends: the time limit, or what a resume
--                   asked for; a takeover solves on for what is left of it.
alter table plan add column solved_by varchar(200);
alter table plan add column runs integer default 0 not null;
alter table plan add column takeovers integer default 0 not null;
alter table plan add column stop_requested boolean default false not null;
alter table plan add column solve_until_ms bigint;

-- The instances alive on this database and how many solves each runs at once: the cluster's solver places,
-- which bound the queue. Each instance refreshes its row every heartbeat and removes it when it shuts down.
create table solver_instance (
    name        varchar(200)             primary key,
    max_jobs    integer                  not null,
    started_at  timestamp with time zone not null,
    seen_at     timestamp with time zone not null
);
