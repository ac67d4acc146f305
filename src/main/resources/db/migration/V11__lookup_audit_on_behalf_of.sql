-- "Hvem har set dine oplysninger" lists every lookup made for a citizen's applications (her home in
-- BBR, the household at her address, her children, DAR), not only those keyed by her CPR number.
create index lookup_audit_on_behalf_of on lookup_audit (on_behalf_of, id);
