-- Alerts from the field acknowledged by the console (issue 17.3): who saw a meal not taken or an elder living alone
-- not answering, and when. Portable SQL, as V1. One acknowledgement per record (the first wins; acknowledging again
-- answers it), never updated or deleted; the record itself stays as the worker made it.
create table alert_acknowledgement (
    organisation_id  varchar(36)              not null references organisation (id),
    record_id        varchar(36)              not null,
    version          integer                  not null,   -- the record's version whose alert was acknowledged
    alert            varchar(32)              not null,   -- that version's alert
    acknowledged_at  timestamp with time zone not null,
    acknowledged_by  varchar(80)              not null,   -- account:<id> or api-key:<id>
    acknowledged_name varchar(200)            not null,   -- the user's (or key's) name as the console shows it
    primary key (organisation_id, record_id)
);
-- No foreign key to service_record: a record's erasure (personal data) must not be blocked by who acknowledged it.
