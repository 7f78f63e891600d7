-- Service records: what was done at each stop of a published plan (check-in, check-out, outcome, note). Portable
-- SQL, as V1. Append-only, like the register: every action is a new row (version n+1 of its record) holding the whole
-- record as it stands after that action; rows are never updated or deleted, so a dispatcher's correction never
-- overwrites what the worker recorded. The current record is the highest version.
create table service_record (
    record_id        varchar(36)              not null,   -- the same for every version of one stop's record
    version          integer                  not null,
    organisation_id  varchar(36)              not null references organisation (id),
    lineage_id       varchar(36)              not null,   -- the day (a re-plan's stops keep their day's record)
    task_id          varchar(100)             not null,
    plan_id          varchar(36)              not null references plan (id),   -- the published plan acted on
    plan_version     integer                  not null,   -- ... and its publication's version
    plan_date        date                     not null,
    worker_id        varchar(64)              not null,
    elder_id         varchar(64),
    kind             varchar(16)              not null,   -- DELIVERY or VISIT
    visit_type       varchar(32),                         -- CHECK_IN, BATHING... (null for a delivery)
    check_in         timestamp with time zone,
    check_out        timestamp with time zone,
    minutes          integer,                             -- from check-in to check-out
    outcome          varchar(16),                         -- DONE, NOT_HOME, REFUSED, FOLLOW_UP
    note             text,                                -- may hold personal data: never logged
    alert            varchar(32),                         -- MEAL_NOT_TAKEN, ALONE_NOT_ANSWERING: the dispatcher must act
    action           varchar(16)              not null,   -- CHECK_IN, CHECK_OUT or CORRECTION: what made this version
    reason           text,                                -- a correction's reason
    created_at       timestamp with time zone not null,
    created_by       varchar(80)              not null,   -- account:<id> or api-key:<id>, never a person's name
    idempotency_key  varchar(100),                        -- the phone's key for the action: applied once
    primary key (record_id, version),
    unique (organisation_id, lineage_id, task_id, version),
    unique (organisation_id, idempotency_key)
);
create index service_record_date on service_record (organisation_id, plan_date);
create index service_record_task on service_record (organisation_id, lineage_id, task_id);
