-- The per-user lookup allowance when several instances share PostgreSQL: one token bucket per user
-- (Bucket4j's JDBC layout: the key, the bucket's serialised state, when it may be removed).
create table lookup_allowance (
    id varchar(400) primary key,
    state bytea,
    expires_at bigint
);
