-- A design draft remembers the exact published text it began from (its hash), so the designer is
-- warned when the published form has changed since: another version published, or the file edited.
alter table form_design add column base_sha256 varchar(64);
