package dk.indgang.submission;

import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.FormDefinition;
import dk.indgang.engine.Answers;
import dk.indgang.engine.ValueCodec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts, saves and finds drafts. Every read takes the CPR of the citizen asking: a citizen only
 * ever sees their own drafts, whatever id they send.
 */
@Service
public class Drafts {

    private final JdbcClient jdbc;
    private final FormCatalog catalog;
    private final JsonMapper json;
    private final Clock clock;

    Drafts(JdbcClient jdbc, FormCatalog catalog, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    /** A new draft on the version of the form that serves now. */
    @Transactional
    public Draft start(FormDefinition form, String ownerCpr) {
        var now = OffsetDateTime.now(clock);
        var draft = new Draft(
                UUID.randomUUID(),
                ownerCpr,
                form.id(),
                form.version(),
                form.sha256(),
                new Answers(),
                form.steps().getFirst().id(),
                Draft.Status.OPEN,
                now,
                now);
        jdbc.sql("""
                        insert into draft (id, owner_cpr, form_id, form_version, form_sha256, answers, current_step, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        draft.id(),
                        ownerCpr,
                        form.id(),
                        form.version(),
                        form.sha256(),
                        write(draft.answers()),
                        draft.currentStep(),
                        draft.status().name(),
                        now,
                        now)
                .update();
        return draft;
    }

    /** Saves answers and the step reached; only the owner's open draft changes. */
    @Transactional
    public Draft save(Draft draft, Answers answers, String step) {
        var updated = draft.withAnswers(answers.copy(), step, OffsetDateTime.now(clock));
        jdbc.sql(
                        "update draft set answers = ?, current_step = ?, updated_at = ? where id = ? and owner_cpr = ? and status = 'OPEN'")
                .params(write(answers), step, updated.updatedAt(), draft.id(), draft.ownerCpr())
                .update();
        return updated;
    }

    /** Marks the draft as handed in; the verdict must already be that it is submittable. */
    @Transactional
    public Draft markSubmitted(Draft draft, Answers answers) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("update draft set answers = ?, status = 'SUBMITTED', updated_at = ? where id = ? and owner_cpr = ?")
                .params(write(answers), now, draft.id(), draft.ownerCpr())
                .update();
        return new Draft(
                draft.id(),
                draft.ownerCpr(),
                draft.formId(),
                draft.formVersion(),
                draft.formSha256(),
                answers.copy(),
                draft.currentStep(),
                Draft.Status.SUBMITTED,
                draft.createdAt(),
                now);
    }

    public Optional<Draft> find(UUID id, String ownerCpr) {
        return jdbc.sql("select * from draft where id = ? and owner_cpr = ?")
                .params(id, ownerCpr)
                .query(mapper())
                .optional();
    }

    /**
     * Deletes an open draft of its owner, with its files; a submitted one stays (its application
     * refers to it). Returns whether anything was deleted.
     */
    @org.springframework.transaction.annotation.Transactional
    public boolean discard(UUID id, String ownerCpr) {
        var draft = find(id, ownerCpr).filter(d -> d.status() == Draft.Status.OPEN);
        if (draft.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from attachment where draft_id = ?").params(id).update();
        return jdbc.sql("delete from draft where id = ? and owner_cpr = ? and status = 'OPEN'")
                        .params(id, ownerCpr)
                        .update()
                > 0;
    }

    public List<Draft> openDrafts(String ownerCpr) {
        return jdbc.sql("select * from draft where owner_cpr = ? and status = 'OPEN' order by updated_at desc")
                .params(ownerCpr)
                .query(mapper())
                .list();
    }

    /** The title of the definition version an application was made on. */
    public String formTitle(String formId, int version, String sha256, java.util.Locale locale) {
        return catalog.version(formId, version, sha256)
                .map(f -> f.title().in(locale))
                .orElse(formId);
    }

    /** A definition version that has served (every served version is kept). */
    public java.util.Optional<FormDefinition> definition(String formId, int version, String sha256) {
        return catalog.version(formId, version, sha256);
    }

    /** The definition a draft is pinned to. */
    public FormDefinition definitionOf(Draft draft) {
        return catalog.version(draft.formId(), draft.formVersion(), draft.formSha256())
                .orElseThrow(
                        () -> new IllegalStateException("Definition version of draft " + draft.id() + " is missing"));
    }

    private String write(Answers answers) {
        return json.writeValueAsString(ValueCodec.write(answers));
    }

    private RowMapper<Draft> mapper() {
        return (rs, row) -> {
            var formId = rs.getString("form_id");
            var version = rs.getInt("form_version");
            var sha = rs.getString("form_sha256").trim();
            Map<String, Object> plain = json.readValue(rs.getString("answers"), new TypeReference<>() {});
            var form = catalog.version(formId, version, sha).orElseThrow();
            return new Draft(
                    rs.getObject("id", UUID.class),
                    rs.getString("owner_cpr"),
                    formId,
                    version,
                    sha,
                    ValueCodec.read(form, plain),
                    rs.getString("current_step"),
                    Draft.Status.valueOf(rs.getString("status")),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("updated_at", OffsetDateTime.class));
        };
    }
}
