-- Week plans: a week planned from the register as one solve job on the same engine as a day's plan. Portable SQL,
-- as V1. The job is a row of plan (its status, progress, best task order, solver and takeovers, exactly as a day's),
-- whose problem is the week unfolded into one problem; week_plan says what week it is, and week_day holds the days
-- it was cut into once solved. Publishing a week stores each day as an ordinary SOLVED plan and publishes it.

-- week.json of a week job: its best solution so far while solving, final once it ends (null for a day's plan).
alter table plan add column week_document text;

create table week_plan (
    id                varchar(36)              primary key references plan (id),
    organisation_id   varchar(36)              not null references organisation (id),
    registry_version  integer                  not null,   -- the register version it was planned from
    from_date         date                     not null,
    days              integer                  not null,
    replan_of         varchar(36)              references week_plan (id),   -- a re-plan of the rest of this week
    since_date        date,                                                -- ... from this date
    published_days    text,          -- a re-plan: {date: planId}, the published day plans it started from
    created_at        timestamp with time zone not null,
    published_at      timestamp with time zone,
    foreign key (organisation_id, registry_version) references registry_version (organisation_id, version)
);
create index week_plan_organisation_created on week_plan (organisation_id, created_at);

-- One date of a solved week, as an ordinary day: its problem.json and plan.json, each worker's task order and the
-- route geometry; day_plan_id is the day's plan once the week is published.
create table week_day (
    week_id        varchar(36)  not null references week_plan (id),
    plan_date      date         not null,
    problem        text         not null,
    plan_document  text         not null,
    task_order     text         not null,
    routes         text,
    day_plan_id    varchar(36)  references plan (id),
    primary key (week_id, plan_date)
);
