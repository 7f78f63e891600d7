-- Access: organisations, their users and API keys; every problem and plan belongs to one organisation.
-- Portable SQL (PostgreSQL and H2 in PostgreSQL mode), as V1.

-- A street's service centre, a property company, a kitchen: whoever plans and sees its own elders and plans.
create table organisation (
    id          varchar(36)              primary key,
    name        varchar(100)             not null unique,
    created_at  timestamp with time zone not null
);

-- Plans stored before access control existed belong to the organisation 'default'.
insert into organisation (id, name, created_at) values ('default', 'default', current_timestamp);

alter table problem add column organisation_id varchar(36);
update problem set organisation_id = 'default';
alter table problem alter column organisation_id set not null;
alter table problem add constraint problem_organisation foreign key (organisation_id) references organisation (id);

alter table plan add column organisation_id varchar(36);
update plan set organisation_id = 'default';
alter table plan alter column organisation_id set not null;
alter table plan add constraint plan_organisation foreign key (organisation_id) references organisation (id);
create index plan_organisation_created on plan (organisation_id, created_at);

-- A person who logs in to the page (or uses HTTP Basic). password_hash is Spring Security's delegating format
-- ({bcrypt}...). worker_id links a WORKER to the worker id their plans use (null for the other roles).
create table account (
    id               varchar(36)              primary key,
    organisation_id  varchar(36)              not null references organisation (id),
    username         varchar(64)              not null unique,
    password_hash    varchar(200)             not null,
    role             varchar(16)              not null,
    worker_id        varchar(64),
    enabled          boolean                  not null,
    created_at       timestamp with time zone not null
);
create index account_organisation on account (organisation_id);

-- A key for scripts. Only its SHA-256 is kept (the key is 256 random bits, shown once at creation); prefix is
-- its first characters, to tell keys apart in lists.
create table api_key (
    id               varchar(36)              primary key,
    organisation_id  varchar(36)              not null references organisation (id),
    name             varchar(100)             not null,
    prefix           varchar(16)              not null,
    key_hash         varchar(64)              not null unique,
    role             varchar(16)              not null,
    worker_id        varchar(64),
    created_at       timestamp with time zone not null,
    revoked_at       timestamp with time zone
);
create index api_key_organisation on api_key (organisation_id);
