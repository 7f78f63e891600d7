-- The register (registry.json) of each organisation, as versioned whole documents. Portable SQL, as V1.
-- Append-only: every change is a new row (version n+1) holding the whole document; rows are never updated or
-- deleted, so who changed what and when stays auditable. The current register is the highest version.
create table registry_version (
    organisation_id  varchar(36)              not null references organisation (id),
    version          integer                  not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(80)              not null,   -- account:<id> or api-key:<id>, never a person's name
    changes          text                     not null,   -- {"elders": {"added": [...], "changed": [...], "removed": [...]}, ...}
    document         text                     not null,   -- registry.json
    primary key (organisation_id, version)
);
