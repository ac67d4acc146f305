-- Delivery of the receipt: which route (Digital Post or the central print route), a claim so a
-- stopped worker's job is taken up again, and the receiver's id for the message.
alter table outbox add column claimed_until timestamp with time zone;
alter table outbox add column route varchar(16);
alter table outbox add column external_id varchar(100);
