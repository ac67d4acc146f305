package dk.indgang.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores a case's current state and appends its new events; a concurrent change fails, never merges. */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CaseRepository(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A stored case and what the inbox shows of it. */
    record Stored(Case value, int version, List<String> flags, OffsetDateTime receivedAt) {}

    void insert(Case value, List<String> flags) {
        jdbc.sql("""
                        insert into case_file (id, application_id, form_id, unit, citizen_cpr, state, assignee, deadline,
                          received_at, requests, decisions, appeal, flags, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        value.id(),
                        value.applicationId(),
                        value.formId(),
                        value.unit(),
                        value.citizenCpr(),
                        value.state().name(),
                        value.assignee().orElse(null),
                        value.deadline(),
                        OffsetDateTime.now(clock),
                        json.writeValueAsString(value.requests()),
                        json.writeValueAsString(value.decisions()),
                        value.appealText().orElse(null),
                        String.join(",", flags))
                .update();
        appendEvents(value);
    }

    /** The case of an application and its events, if it has one. */
    void delete(UUID applicationId) {
        jdbc.sql("delete from case_event where case_id in (select id from case_file where application_id = ?)")
                .params(applicationId)
                .update();
        jdbc.sql("delete from case_file where application_id = ?")
                .params(applicationId)
                .update();
    }

    void update(Case value, int version) {
        var updated = jdbc.sql("""
                        update case_file set state = ?, assignee = ?, requests = ?, decisions = ?, appeal = ?,
                          version = version + 1
                        where id = ? and version = ?""")
                .params(
                        value.state().name(),
                        value.assignee().orElse(null),
                        json.writeValueAsString(value.requests()),
                        json.writeValueAsString(value.decisions()),
                        value.appealText().orElse(null),
                        value.id(),
                        version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("The case " + value.id() + " was changed meanwhile");
        }
        appendEvents(value);
    }

    private void appendEvents(Case value) {
        for (var event : value.recordedEvents()) {
            jdbc.sql("insert into case_event (case_id, at, actor, kind, details) values (?, ?, ?, ?, ?)")
                    .params(
                            value.id(),
                            OffsetDateTime.ofInstant(event.at(), clock.getZone()),
                            event.actor(),
                            event.kind().name(),
                            json.writeValueAsString(event.details()))
                    .update();
        }
        value.markStored();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from case_file where id = ?")
                .params(id)
                .query(this::row)
                .optional();
    }

    Optional<Stored> ofApplication(UUID applicationId) {
        return jdbc.sql("select * from case_file where application_id = ?")
                .params(applicationId)
                .query(this::row)
                .optional();
    }

    /** The open cases of a unit, the nearest deadline first. */
    List<Stored> inbox(String unit) {
        // A closed case stays in the inbox while a letter of it could not be delivered: someone must act.
        return jdbc.sql("""
                        select c.*, exists (select 1 from outbox o where o.application_id = c.application_id
                          and (o.state = 'FAILED' or o.receipt_status = 'FAILED')) as undelivered
                        from case_file c
                        where c.unit = ? and (c.state <> 'CLOSED' or exists (select 1 from outbox o
                          where o.application_id = c.application_id and (o.state = 'FAILED' or o.receipt_status = 'FAILED')))
                        order by c.deadline, c.received_at""")
                .params(unit)
                .query((rs, n) -> {
                    var stored = row(rs, n);
                    if (!rs.getBoolean("undelivered")) {
                        return stored;
                    }
                    var flags = new java.util.ArrayList<>(stored.flags());
                    flags.add(Cases.Flag.LETTER_UNDELIVERED.name());
                    return new Stored(stored.value(), stored.version(), List.copyOf(flags), stored.receivedAt());
                })
                .list();
    }

    List<Stored> ofCitizen(String cpr) {
        return jdbc.sql("select * from case_file where citizen_cpr = ? order by received_at desc")
                .params(cpr)
                .query(this::row)
                .list();
    }

    private Stored row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var id = rs.getObject("id", UUID.class);
        var history = jdbc.sql("select at, actor, kind, details from case_event where case_id = ? order by id")
                .params(id)
                .query((e, i) -> new CaseEvent(
                        CaseEvent.Kind.valueOf(e.getString("kind")),
                        e.getObject("at", OffsetDateTime.class).toInstant(),
                        e.getString("actor"),
                        json.readValue(e.getString("details"), new TypeReference<Map<String, String>>() {})))
                .list();
        var value = Case.restore(
                id,
                rs.getObject("application_id", UUID.class),
                rs.getString("form_id"),
                rs.getString("unit"),
                rs.getString("citizen_cpr"),
                rs.getObject("deadline", LocalDate.class),
                CaseState.valueOf(rs.getString("state")),
                rs.getString("assignee"),
                json.readValue(rs.getString("requests"), new TypeReference<List<CitizenRequest>>() {}),
                json.readValue(rs.getString("decisions"), new TypeReference<List<Decision>>() {}),
                rs.getString("appeal"),
                history,
                clock);
        var flags = rs.getString("flags");
        return new Stored(
                value,
                rs.getInt("version"),
                flags.isEmpty() ? List.of() : List.of(flags.split(",")),
                rs.getObject("received_at", OffsetDateTime.class));
    }
}
