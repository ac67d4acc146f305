-- Every form definition version ever served, with the exact source and its SHA-256.
create table form_version (
    form_id     varchar(64)  not null,
    version     integer      not null,
    sha256      char(64)     not null,
    source      text         not null,
    loaded_at   timestamp with time zone not null,
    primary key (form_id, version, sha256)
);

-- A form being filled in. It stays on the definition version it began with.
create table draft (
    id            uuid         primary key,
    owner_cpr     varchar(10)  not null,
    form_id       varchar(64)  not null,
    form_version  integer      not null,
    form_sha256   char(64)     not null,
    answers       text         not null,
    current_step  varchar(64),
    status        varchar(16)  not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);

create index draft_owner on draft (owner_cpr, updated_at);

-- Files attached to a draft; the answers refer to them by SHA-256.
create table attachment (
    draft_id    uuid         not null references draft (id),
    sha256      char(64)     not null,
    name        varchar(255) not null,
    media_type  varchar(127) not null,
    size_bytes  bigint       not null,
    content     bytea        not null,
    created_at  timestamp with time zone not null,
    primary key (draft_id, sha256)
);
