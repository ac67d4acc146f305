-- The national channels (docs/national-services.md).
-- A letter may ask for an answer by a date: MeMo's replyByDateTime.
alter table application_letter add column reply_by date;

-- Digital Post's delivery receipt for a shipment (SF1461 through the Beskedfordeler), matched on the
-- message's UUID (external_id): DELIVERED (in the citizen's Digital Post), PRINTED (sent to central
-- print, fjernprint) or FAILED (neither channel could take it: the case's inbox shows it).
alter table outbox add column receipt_status varchar(16);
alter table outbox add column receipt_detail varchar(2000);
alter table outbox add column receipt_at timestamp with time zone;
create index outbox_external_id on outbox (external_id);

-- The case index behind Mit Overblik (SF1470): one job per application, armed again at every change
-- of its status or documents; the worker sends the whole current picture, so a repeat is harmless.
create table case_index (
    application_id  uuid          primary key references application (id),
    state           varchar(16)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    changed_at      timestamp with time zone not null,
    indexed_at      timestamp with time zone,
    indexed_status  varchar(32),
    last_error      varchar(2000)
);

create index case_index_due on case_index (state, next_attempt_at);
