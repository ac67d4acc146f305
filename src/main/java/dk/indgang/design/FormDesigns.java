package dk.indgang.design;

import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.DefinitionException;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import dk.indgang.definition.Location;
import dk.indgang.definition.Problem;
import dk.indgang.definition.RateTable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Design drafts of form definitions: opened from the serving version (or as a copy under a new id),
 * checked on every change by the same loader as the build, published as a new version whose file is
 * written to the forms folder — drafts citizens began on the old version stay on it — with every
 * publish audited and described in plain words.
 */
@Service
public class FormDesigns {

    public enum Status {
        DRAFT,
        PUBLISHED
    }

    public record Design(
            UUID id,
            String formId,
            int baseVersion,
            String source,
            Status status,
            String updatedBy,
            OffsetDateTime updatedAt,
            String baseSha256) {}

    /**
     * The published form has moved on since a draft began: {@code base} the version it began from,
     * {@code serving} the one serving now. Publishing the draft would replace what changed.
     */
    public record PublishedSince(int base, FormDefinition serving) {}

    /** What the loader says of a source: the definition when valid, else the located problems. */
    public record Check(Optional<FormDefinition> form, List<Problem> problems) {
        public boolean ok() {
            return form.isPresent() && problems.isEmpty();
        }
    }

    public record Published(FormDefinition form, Path file, List<String> changes) {}

    public record AuditEntry(
            OffsetDateTime at, String actor, String formId, int version, String sha256, String summary) {}

    private final JdbcClient jdbc;
    private final FormCatalog catalog;
    private final Clock clock;
    private final FormLoader loader = new FormLoader();

    private final dk.indgang.registers.PreviewRegisters previewRegisters;

    FormDesigns(
            JdbcClient jdbc, FormCatalog catalog, Clock clock, dk.indgang.registers.PreviewRegisters previewRegisters) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
        this.previewRegisters = previewRegisters;
    }

    /** What running a form's scenarios from the designer gave: results, or why none could run. */
    public sealed interface ScenarioRun {
        record Ran(List<ScenarioRunner.Result> results) implements ScenarioRun {}

        /** {@code reason}: {@code none} (no scenarios file), {@code noregisters}, or {@code invalid} with a message. */
        record NotRun(String reason, String message) implements ScenarioRun {}
    }

    /**
     * Runs the scenarios beside a form against the stub registers (never real ones), audited under
     * the designer who ran them.
     */
    public ScenarioRun runScenarios(FormDefinition form, String actor) {
        var file = scenarios(form.id());
        if (file.isEmpty()) {
            return new ScenarioRun.NotRun("none", null);
        }
        var registers = previewRegisters.registers();
        if (registers.isEmpty()) {
            return new ScenarioRun.NotRun("noregisters", null);
        }
        try {
            return new ScenarioRun.Ran(new ScenarioRunner(registers.get(), actor)
                    .run(form, ScenarioRunner.parse(file.get()), rates(form).orElse(null)));
        } catch (IllegalArgumentException e) {
            return new ScenarioRun.NotRun("invalid", e.getMessage());
        }
    }

    /** Whether the preview can ask registers (only the embedded stubs with their test persons). */
    public boolean previewHasRegisters() {
        return previewRegisters.registers().isPresent();
    }

    /**
     * A preview session of a (checked) definition for a test person: the stub registers' answers
     * settled in the caller's thread, audited under the designer.
     */
    public dk.indgang.engine.FormSession preview(
            FormDefinition form, String person, dk.indgang.engine.Answers answers, String actor) {
        var session = new dk.indgang.engine.FormSession(
                form, answers, clock, rates(form).orElse(null));
        previewRegisters.registers().ifPresent(r -> new dk.indgang.engine.LookupRunner(r, clock)
                .settle(
                        session,
                        person,
                        new dk.indgang.engine.LookupContext(
                                actor,
                                person,
                                "Forhåndsvisning i formulardesigneren (testperson)",
                                "designer:" + form.id())));
        return session;
    }

    /** The open design draft of a form, or a new one from the version serving now. */
    @Transactional
    public Design open(String formId, String actor) {
        var existing = jdbc.sql(
                        "select * from form_design where form_id = ? and status = 'DRAFT' order by updated_at desc")
                .params(formId)
                .query(mapper())
                .list();
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        var form = catalog.current(formId).orElseThrow(() -> new IllegalArgumentException("No form " + formId));
        return create(formId, form.version(), form.source(), form.sha256(), actor);
    }

    /**
     * Whether the published form changed after the draft began (a newer version, or the same version
     * number with other text, e.g. the file edited by hand): empty for a copy, a published design or
     * a draft that is still on what serves.
     */
    public Optional<PublishedSince> publishedSince(Design design) {
        if (design.status() != Status.DRAFT || design.baseVersion() == 0) {
            return Optional.empty();
        }
        return catalog.current(design.formId())
                .filter(serving -> serving.version() != design.baseVersion()
                        || (design.baseSha256() != null && !serving.sha256().equals(design.baseSha256())))
                .map(serving -> new PublishedSince(design.baseVersion(), serving));
    }

    /** A copy of a form under a new id, as a design draft of version 1. */
    @Transactional
    public Design copy(String formId, String newId, String actor) {
        if (!newId.matches("[a-z][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("The new id must be lower-case letters, digits and dashes");
        }
        if (catalog.current(newId).isPresent() || catalog.highestVersion(newId) > 0) {
            throw new IllegalArgumentException("A form with the id " + newId + " exists");
        }
        var form = catalog.current(formId).orElseThrow(() -> new IllegalArgumentException("No form " + formId));
        var source = replaceScalar(replaceScalar(form.source(), "id", newId), "version", "1");
        return create(newId, 0, source, null, actor);
    }

    private Design create(String formId, int baseVersion, String source, String baseSha256, String actor) {
        var now = OffsetDateTime.now(clock);
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into form_design (id, form_id, base_version, base_sha256, source, status, created_by, updated_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)""")
                .params(id, formId, baseVersion, baseSha256, source, actor, actor, now, now)
                .update();
        return new Design(id, formId, baseVersion, source, Status.DRAFT, actor, now, baseSha256);
    }

    /** A design draft by its id as a page address gives it; empty for any other text. */
    public Optional<Design> find(String id) {
        try {
            return find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<Design> find(UUID id) {
        return jdbc.sql("select * from form_design where id = ?")
                .params(id)
                .query(mapper())
                .optional();
    }

    public List<Design> drafts() {
        return jdbc.sql("select * from form_design where status = 'DRAFT' order by updated_at desc")
                .query(mapper())
                .list();
    }

    @Transactional
    public Design save(Design design, String source, String actor) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("update form_design set source = ?, updated_by = ?, updated_at = ? where id = ? and status = 'DRAFT'")
                .params(source, actor, now, design.id())
                .update();
        return new Design(
                design.id(),
                design.formId(),
                design.baseVersion(),
                source,
                design.status(),
                actor,
                now,
                design.baseSha256());
    }

    @Transactional
    public void discard(Design design) {
        jdbc.sql("delete from form_design where id = ? and status = 'DRAFT'")
                .params(design.id())
                .update();
    }

    /** The same checks as the build: the loader (located problems, typed expressions) and the rate table. */
    public Check check(Design design, String source) {
        var fileName = design.formId() + ".yaml";
        try {
            var form = loader.load(fileName, source);
            var problems = new ArrayList<Problem>();
            if (!form.id().equals(design.formId())) {
                problems.add(
                        Problem.error(new Location(fileName, 1, 1), "design.id.changed", design.formId(), form.id()));
            }
            try {
                RateTable.forForm(form, catalog.dir());
            } catch (DefinitionException e) {
                problems.addAll(e.problems());
            }
            return new Check(Optional.of(form), List.copyOf(problems));
        } catch (DefinitionException e) {
            return new Check(Optional.empty(), e.problems());
        }
    }

    /** The form's scenarios file, if it has one. */
    public Optional<String> scenarios(String formId) {
        var file = catalog.dir().resolve(formId + ".scenarios.yaml");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Optional<RateTable> rates(FormDefinition form) {
        try {
            return RateTable.forForm(form, catalog.dir());
        } catch (DefinitionException e) {
            return Optional.empty();
        }
    }

    /** What publishing would change, against the version serving now. */
    public List<String> changes(Design design, FormDefinition draft) {
        return FormDiff.between(catalog.current(design.formId()).orElse(null), draft);
    }

    /**
     * Publishes a valid draft: the version number raised above every version ever served, the file
     * written to the forms folder (atomically), the catalog reloaded, the publish audited.
     */
    @Transactional
    public Published publish(Design design, String actor) {
        var check = check(design, design.source());
        if (!check.ok()) {
            throw new DefinitionException(check.problems());
        }
        var next = catalog.highestVersion(design.formId()) + 1;
        var source = replaceScalar(design.source(), "version", Integer.toString(next));
        var form = loader.load(design.formId() + ".yaml", source);
        var changes = changes(design, form);
        var file = catalog.fileOf(design.formId()).orElse(catalog.dir().resolve(design.formId() + ".yaml"));
        try {
            var temp = Files.createTempFile(catalog.dir(), "." + design.formId(), ".tmp");
            Files.writeString(temp, source, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + file + ": " + e.getMessage(), e);
        }
        catalog.reload();
        var now = OffsetDateTime.now(clock);
        jdbc.sql("update form_design set source = ?, status = 'PUBLISHED', updated_by = ?, updated_at = ? where id = ?")
                .params(source, actor, now, design.id())
                .update();
        jdbc.sql("""
                        insert into design_audit (at, actor, form_id, action, version, sha256, summary)
                        values (?, ?, ?, 'PUBLISH', ?, ?, ?)""")
                .params(now, actor, form.id(), form.version(), form.sha256(), String.join("\n", changes))
                .update();
        return new Published(form, file, changes);
    }

    public List<AuditEntry> audit(String formId) {
        return jdbc.sql("select * from design_audit where form_id = ? order by id desc")
                .params(formId)
                .query((rs, n) -> new AuditEntry(
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("form_id"),
                        rs.getInt("version"),
                        rs.getString("sha256"),
                        rs.getString("summary")))
                .list();
    }

    /** Replaces a top-level scalar's text in place (keeping the rest of the file, comments too). */
    static String replaceScalar(String source, String key, String value) {
        var root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(source));
        if (root instanceof MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k
                        && k.getValue().equals(key)
                        && tuple.getValueNode() instanceof ScalarNode v) {
                    var start = v.getStartMark().getIndex();
                    var end = v.getEndMark().getIndex();
                    return source.substring(0, start) + value + source.substring(end);
                }
            }
        }
        throw new IllegalArgumentException("The definition has no top-level '" + key + "'");
    }

    private RowMapper<Design> mapper() {
        return (rs, n) -> new Design(
                rs.getObject("id", UUID.class),
                rs.getString("form_id"),
                rs.getInt("base_version"),
                rs.getString("source"),
                Status.valueOf(rs.getString("status")),
                rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("base_sha256"));
    }
}
