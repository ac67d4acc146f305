package dk.indgang.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes to {@code citizen_access} every view of a citizen's data by a caseworker (counter or phone),
 * with the purpose the caseworker stated; a citizen's access request reads it back.
 */
@Service
public class CitizenAccessLog {

    /** What the caseworker did with the citizen's data. */
    public enum Action {
        FIND_CITIZEN,
        VIEW_OVERVIEW,
        START_APPLICATION,
        OPEN_DRAFT,
        SUBMIT_APPLICATION,
        VIEW_CASE_FILE
    }

    public record Entry(
            OffsetDateTime at,
            String actor,
            String citizenCpr,
            String channel,
            Action action,
            String purpose,
            String reference) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    CitizenAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(
            String actor, String citizenCpr, String channel, Action action, String purpose, String reference) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A caseworker's access needs a stated purpose");
        }
        jdbc.sql("""
                        insert into citizen_access (at, actor, citizen_cpr, channel, action, purpose, reference)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        OffsetDateTime.now(clock),
                        actor,
                        citizenCpr,
                        channel,
                        action.name(),
                        purpose.strip().length() > 500 ? purpose.strip().substring(0, 500) : purpose.strip(),
                        reference)
                .update();
    }

    /** Every caseworker access to one citizen's data, newest first. */
    public List<Entry> about(String citizenCpr) {
        return about(citizenCpr, Integer.MAX_VALUE);
    }

    /** The latest {@code limit} caseworker accesses to one citizen's data, newest first. */
    public List<Entry> about(String citizenCpr, int limit) {
        return jdbc.sql("select * from citizen_access where citizen_cpr = ? order by id desc limit ?")
                .params(citizenCpr, limit)
                .query((rs, n) -> new Entry(
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("citizen_cpr"),
                        rs.getString("channel"),
                        Action.valueOf(rs.getString("action")),
                        rs.getString("purpose"),
                        rs.getString("reference")))
                .list();
    }
}
