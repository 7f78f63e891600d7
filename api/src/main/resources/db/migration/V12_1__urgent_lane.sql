-- The urgent lane (same-day re-plans) has its own db-scheduler table, polled by its own scheduler with its own
-- solver threads, so that a re-plan never waits behind full solves. Same layout as scheduled_tasks (V3).
create table scheduled_urgent_tasks (
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
create index scheduled_urgent_tasks_execution_time on scheduled_urgent_tasks (execution_time);
create index scheduled_urgent_tasks_last_heartbeat on scheduled_urgent_tasks (last_heartbeat);
create index scheduled_urgent_tasks_priority_execution_time on scheduled_urgent_tasks (priority desc, execution_time asc);

-- Counting a lane's and an organisation's active plans at every admission.
create index plan_active_by_organisation on plan (status, organisation_id);
