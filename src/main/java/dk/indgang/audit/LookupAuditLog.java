package dk.indgang.audit;

import dk.indgang.registers.RegisterLookupPerformed;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Writes every register lookup to {@code lookup_audit}, in the caller's thread: no lookup goes unrecorded. */
@Service
public class LookupAuditLog {

    private final JdbcClient jdbc;

    LookupAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the log, as a caseworker or a citizen's access request sees it. */
    public record Entry(
            OffsetDateTime at,
            String actor,
            String onBehalfOfCpr,
            String subjectKey,
            String register,
            String service,
            String purpose,
            String reference,
            String outcome,
            boolean fromCache) {}

    @EventListener
    void on(RegisterLookupPerformed lookup) {
        jdbc.sql("""
                        insert into lookup_audit (at, actor, on_behalf_of, subject_key, register, service, purpose, reference,
                                                  outcome, from_cache, duration_ms)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        OffsetDateTime.ofInstant(lookup.at(), ZoneOffset.UTC),
                        lookup.actor(),
                        lookup.onBehalfOfCpr(),
                        lookup.subjectKey(),
                        lookup.register(),
                        lookup.service(),
                        lookup.purpose(),
                        lookup.reference(),
                        lookup.outcome().name(),
                        lookup.fromCache(),
                        lookup.durationMillis())
                .update();
    }

    /** Every lookup of one person's data, newest first: the basis of an access request. */
    public List<Entry> about(String subjectKey) {
        return about(subjectKey, Integer.MAX_VALUE);
    }

    /** The latest {@code limit} lookups of one person's data, newest first. */
    public List<Entry> about(String subjectKey, int limit) {
        return jdbc.sql("select * from lookup_audit where subject_key = ? order by id desc limit ?")
                .params(subjectKey, limit)
                .query(this::entry)
                .list();
    }

    /**
     * The latest {@code limit} lookups a citizen is told of: those of her own data, and every lookup
     * made for her applications — her home in BBR, the household at her address, her children, an
     * address in DAR — whoever made them (she online, a caseworker at the counter). Newest first.
     */
    public List<Entry> forCitizen(String cpr, int limit) {
        return jdbc.sql("""
                        select * from lookup_audit where id in (
                          select id from lookup_audit where subject_key = ?
                          union select id from lookup_audit where on_behalf_of = ?)
                        order by id desc limit ?""").params(cpr, cpr, limit).query(this::entry).list();
    }

    private Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(
                rs.getObject("at", OffsetDateTime.class),
                rs.getString("actor"),
                rs.getString("on_behalf_of"),
                rs.getString("subject_key"),
                rs.getString("register"),
                rs.getString("service"),
                rs.getString("purpose"),
                rs.getString("reference"),
                rs.getString("outcome"),
                rs.getBoolean("from_cache"));
    }
}
