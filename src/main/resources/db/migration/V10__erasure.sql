-- Erasure of applications whose retention has run out (docs/national-services.md, docs/security.md):
-- what was erased, when, by whom and why stays; the data does not.
create table erasure_log (
    application_id  uuid          primary key,
    receipt_number  varchar(20)   not null,
    erased_at       timestamp with time zone not null,
    erased_by       varchar(64)   not null,
    reason          varchar(400)  not null
);

-- An erased application's case is removed from the case index behind Mit Overblik; the job
-- outlives the application it was about.
create table case_index_removal (
    application_id  uuid          primary key,
    state           varchar(16)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(2000)
);
