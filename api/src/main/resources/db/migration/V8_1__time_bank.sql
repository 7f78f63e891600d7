-- The time bank (时间银行, issue 17.4): per organisation, its rules (versioned: a change is a new row) and one ledger
-- per holder (a volunteer, or a family member a volunteer gave hours to). Portable SQL, as V1. Append-only like the
-- service records: an entry is never updated or deleted; a corrected record is re-credited by a new entry.
create table time_bank_rules (
    organisation_id      varchar(36)              not null references organisation (id),
    version              integer                  not null,
    coins_per_hour_centi integer                  not null,   -- hundredths of a coin per hour of service (100 = 1)
    count_travel         boolean                  not null,   -- the planned travel to a stop earns too
    rounding_minutes     integer                  not null,   -- a stop's minutes are rounded to this step ...
    rounding             varchar(8)               not null,   -- ... DOWN, NEAREST or UP
    transfers_allowed    boolean                  not null,   -- hours may be given to a family member
    max_balance_centi    bigint                   not null,   -- the cap on stored coins (Shanghai: 1,500 h)
    created_at           timestamp with time zone not null,
    created_by           varchar(80)              not null,
    primary key (organisation_id, version)
);

create table time_bank_entry (
    organisation_id   varchar(36)              not null references organisation (id),
    holder_id         varchar(64)              not null,   -- a volunteer's worker id, or a family member's id
    seq               integer                  not null,   -- 1, 2, ... per holder: two writers never share one
    kind              varchar(16)              not null,   -- CREDIT, RECREDIT, WITHDRAWAL, TRANSFER_OUT, TRANSFER_IN
    amount_centi      bigint                   not null,   -- hundredths of a coin: + in, - out
    balance_centi     bigint                   not null,   -- the holder's balance after this entry
    record_id         varchar(36),                         -- a credit: the service record ...
    record_version    integer,                             -- ... and the version it was computed from
    service_date      date,                                -- ... that record's day
    due_centi         bigint,                              -- what the record earns under the rules
    capped_centi      bigint,                              -- the part of a credit the cap refused
    counterpart_id    varchar(64),                         -- a transfer's other holder
    transfer_id       varchar(36),                         -- the two entries of one transfer
    note              text,                                -- may be personal: never logged
    created_at        timestamp with time zone not null,
    created_by        varchar(80)              not null,   -- account:<id>, api-key:<id> or system (a credit)
    idempotency_key   varchar(100),                        -- a withdrawal's or transfer's key: applied once
    primary key (organisation_id, holder_id, seq),
    unique (organisation_id, record_id, record_version),  -- a record's version is credited once, however many race
    unique (organisation_id, idempotency_key)
);
create index time_bank_entry_time on time_bank_entry (organisation_id, holder_id, created_at);

-- Record versions that earn nothing (paid staff's, a stop nobody was home for): looked at once, so a ledger read or
-- the dispatcher's list does not read their plans again. A later version of the record is looked at anew.
create table time_bank_checked (
    organisation_id   varchar(36)              not null references organisation (id),
    record_id         varchar(36)              not null,
    record_version    integer                  not null,
    primary key (organisation_id, record_id, record_version)
);

-- A worker's records (the time bank's credits, the phone page's and a worker's list) without reading the whole
-- organisation's.
create index service_record_worker on service_record (organisation_id, worker_id, plan_date);
