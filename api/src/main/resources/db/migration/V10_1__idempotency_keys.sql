-- Idempotency-Key of the POSTs that start a solve job (a plan, a re-plan, a week, a week's re-plan): a repeat with the
-- same key and the same request answers the job the first one started, instead of starting another (a client that
-- lost the answer may safely retry). Keys are per organisation and kept for a day (expires_at), then forgotten.
-- Portable SQL, as V1.
create table idempotency_key (
    organisation_id  varchar(36)              not null references organisation (id),
    idem_key         varchar(100)             not null,
    request_hash     varchar(64)              not null,   -- SHA-256 of method, path and body: the same request or not
    job_id           varchar(36),                         -- null while the first request is still being taken
    job_status       varchar(16),                         -- what the first answer said, answered again to a repeat
    job_href         varchar(200),
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    primary key (organisation_id, idem_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
