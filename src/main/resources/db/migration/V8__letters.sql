-- Letters to the citizen about her application (requests, hearings, decisions): each a PDF/A kept
-- with the application and delivered through the outbox like the receipt (Digital Post or print).
create table application_letter (
    id              uuid          primary key,
    application_id  uuid          not null references application (id),
    title           varchar(200)  not null,
    pdf             bytea         not null,
    created_at      timestamp with time zone not null
);

create index application_letter_application on application_letter (application_id, created_at);

-- A letter's delivery job names its letter; its kind is LETTER-<n>, one per letter of the application.
alter table outbox add column letter_id uuid references application_letter (id);
