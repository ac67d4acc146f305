package dk.indgang.catalog;

import dk.indgang.definition.Audience;
import dk.indgang.definition.DefinitionException;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import dk.indgang.definition.Linter;
import dk.indgang.definition.Problem;
import dk.indgang.definition.RateTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The published forms: the version serving now per form id, and every version ever served. */
@Service
public class FormCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FormCatalog.class);

    private final FormsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final FormLoader loader = new FormLoader();
    private final Map<String, FormDefinition> serving = new ConcurrentHashMap<>();
    private final Map<String, FormDefinition> byHash = new ConcurrentHashMap<>();
    private final Map<Path, String> fileHashes = new ConcurrentHashMap<>();
    private volatile List<Problem> problems = List.of();
    private final Map<String, RateTable> rates = new ConcurrentHashMap<>();
    private final Map<String, Path> formFiles = new ConcurrentHashMap<>();
    private final Map<Path, String> rateHashes = new ConcurrentHashMap<>();

    FormCatalog(FormsProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The first load of the forms folder (reading it and compiling every expression), off the start
     * path: begun once the application is ready, on a thread of its own, or earlier by the first
     * reader of the catalog. Readers wait for it; {@link FormsHealth} reports it. Its own lock, not
     * the catalog's: {@link #reload()} holds that while it reads, and readers must not wait for a
     * later reload.
     */
    private volatile java.util.concurrent.CompletableFuture<Void> firstLoad;

    private final Object firstLoadLock = new Object();

    /** Begins the first load unless it has begun; does not wait. */
    java.util.concurrent.CompletableFuture<Void> firstLoad() {
        var begun = firstLoad;
        if (begun != null) {
            return begun;
        }
        synchronized (firstLoadLock) {
            if (firstLoad == null) {
                firstLoad = java.util.concurrent.CompletableFuture.runAsync(this::reload, task -> Thread.ofPlatform()
                                .name("forms-first-load")
                                .daemon()
                                .start(task))
                        .whenComplete((done, failure) -> {
                            if (failure == null) {
                                LOG.info(
                                        "{} form(s) served from {}",
                                        serving.size(),
                                        properties.dir().toAbsolutePath());
                            } else {
                                LOG.error("The forms could not be loaded from {}", properties.dir(), failure);
                            }
                        });
            }
            return firstLoad;
        }
    }

    /** Waits for the first load of the forms folder, beginning it if need be. */
    private void loaded() {
        try {
            firstLoad().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException(
                    "The forms could not be loaded: " + e.getCause().getMessage(), e);
        }
    }

    /** Where the first load stands. */
    enum FirstLoad {
        NOT_BEGUN,
        RUNNING,
        DONE,
        FAILED
    }

    /** Where the first load stands: for {@link FormsHealth}. */
    FirstLoad firstLoadState() {
        var begun = firstLoad;
        if (begun == null) {
            return FirstLoad.NOT_BEGUN;
        }
        if (!begun.isDone()) {
            return FirstLoad.RUNNING;
        }
        return begun.isCompletedExceptionally() ? FirstLoad.FAILED : FirstLoad.DONE;
    }

    /** The application's start does not wait for the forms; they load as soon as it is ready. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void loadAfterStart() {
        firstLoad();
    }

    /** The version serving now. */
    public Optional<FormDefinition> current(String formId) {
        loaded();
        return Optional.ofNullable(serving.get(formId));
    }

    /** The forms folder. */
    public Path dir() {
        return properties.dir();
    }

    /** The file a form is served from, once it has been. */
    public Optional<Path> fileOf(String formId) {
        loaded();
        return Optional.ofNullable(formFiles.get(formId));
    }

    /** Every form serving now, by id. */
    public List<FormDefinition> all() {
        loaded();
        return serving.values().stream()
                .sorted(java.util.Comparator.comparing(FormDefinition::id))
                .toList();
    }

    /** The highest version number ever served for a form (0: never). */
    public int highestVersion(String formId) {
        loaded();
        var stored = jdbc.sql("select max(version) from form_version where form_id = ?")
                .params(formId)
                .query(Integer.class)
                .optional()
                .orElse(null);
        return Math.max(
                stored == null ? 0 : stored,
                current(formId).map(FormDefinition::version).orElse(0));
    }

    /** When a form version was first served. */
    public Optional<java.time.OffsetDateTime> loadedAt(String formId, int version, String sha256) {
        return jdbc.sql("select loaded_at from form_version where form_id = ? and version = ? and sha256 = ?")
                .params(formId, version, sha256)
                .query(java.time.OffsetDateTime.class)
                .optional();
    }

    /** An exact version a draft began on, even if a newer one serves now. */
    public Optional<FormDefinition> version(String formId, int version, String sha256) {
        loaded();
        var cached = byHash.get(sha256);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.sql("select source from form_version where form_id = ? and version = ? and sha256 = ?")
                .params(formId, version, sha256)
                .query(String.class)
                .optional()
                .map(source -> {
                    var form = loader.load(formId + ".yaml", source);
                    byHash.put(sha256, form);
                    return form;
                });
    }

    /** The rate table a form's assessment uses, as loaded with the form. */
    public Optional<RateTable> rates(FormDefinition form) {
        loaded();
        return form.assessment() == null
                ? Optional.empty()
                : Optional.ofNullable(rates.get(form.assessment().rates()));
    }

    /**
     * The forms an audience may fill in, by Danish title. An example form ({@code example: true}) is
     * offered only where {@code indgang.forms.examples} is on (development), never in production.
     */
    public List<FormDefinition> forAudience(Audience audience) {
        loaded();
        return serving.values().stream()
                .filter(f -> offers(f, audience))
                .sorted(Comparator.comparing(f -> f.title().da()))
                .toList();
    }

    /** The serving version of a form the audience may start; empty for an unknown or an example form. */
    public Optional<FormDefinition> offered(String formId, Audience audience) {
        return current(formId).filter(f -> offers(f, audience));
    }

    private boolean offers(FormDefinition form, Audience audience) {
        return form.audience().contains(audience) && (properties.examples() || !form.example());
    }

    /** Problems of the last reload: files that did not load and so did not replace anything. */
    public List<Problem> problems() {
        loaded();
        return problems;
    }

    @Scheduled(
            fixedDelayString = "${indgang.forms.reload-interval:5s}",
            initialDelayString = "${indgang.forms.reload-interval:5s}")
    void reloadIfChanged() {
        if (properties.watch()) {
            reload();
        }
    }

    /** Reads the folder again; loads files whose content changed. */
    @Transactional
    public synchronized void reload() {
        var found = new ArrayList<Problem>();
        var dir = properties.dir();
        if (!Files.isDirectory(dir)) {
            LOG.warn("Forms folder {} does not exist; no forms are served", dir.toAbsolutePath());
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (var file : files.filter(Linter::isDefinition).sorted().toList()) {
                var source = Files.readString(file);
                var hash = FormLoader.sha256(source);
                if (hash.equals(fileHashes.get(file))) {
                    continue;
                }
                try {
                    var form = loader.load(file.getFileName().toString(), source);
                    loadRates(form, dir);
                    accept(form);
                    formFiles.putIfAbsent(form.id(), file);
                    fileHashes.put(file, hash);
                } catch (DefinitionException e) {
                    found.addAll(e.problems());
                    e.problems()
                            .forEach(p -> LOG.error(
                                    "Form not loaded, previous version keeps serving: {}", p.format(Locale.ENGLISH)));
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot read forms folder {}: {}", dir, e.getMessage());
        }
        // Rate tables are data: a new version of the figures serves without touching the form.
        for (var form : serving.values()) {
            var file = ratesFile(form, dir);
            try {
                if (file != null
                        && Files.isRegularFile(file)
                        && !FormLoader.sha256(Files.readString(file)).equals(rateHashes.get(file))) {
                    loadRates(form, dir);
                }
            } catch (DefinitionException e) {
                found.addAll(e.problems());
                e.problems()
                        .forEach(p -> LOG.error(
                                "Rates not loaded, previous ones keep serving: {}", p.format(Locale.ENGLISH)));
            } catch (IOException e) {
                LOG.error("Cannot read rates {}: {}", file, e.getMessage());
            }
        }
        if (properties.adoptPublished()) {
            adoptPublishedElsewhere(found);
        }
        problems = List.copyOf(found);
    }

    /**
     * Versions served by another instance on the same database — published there through the designer,
     * or from its folder — serve here too once they are newer than what this instance serves (or a
     * form it does not have), so every instance serves what was published within one reload interval.
     * The database holds every version ever served with its exact text; the folder stays the export
     * and import. A version whose rate table this instance's folder lacks is not taken (and said).
     */
    private void adoptPublishedElsewhere(List<Problem> found) {
        record Row(String formId, int version, String source) {}
        var newest = jdbc.sql("""
                        select form_id, version, source from form_version f
                        where not exists (select 1 from form_version g where g.form_id = f.form_id
                          and (g.version > f.version or (g.version = f.version and g.loaded_at > f.loaded_at)))""")
                .query((rs, n) -> new Row(rs.getString("form_id"), rs.getInt("version"), rs.getString("source")))
                .list();
        for (var row : newest) {
            var current = serving.get(row.formId());
            if (current != null && current.version() >= row.version()) {
                continue;
            }
            try {
                var form = loader.load(row.formId() + ".yaml", row.source());
                loadRates(form, properties.dir());
                accept(form);
                LOG.info("Serving form {} version {}, published on another instance", form.id(), form.version());
            } catch (DefinitionException e) {
                found.addAll(e.problems());
                e.problems()
                        .forEach(p -> LOG.error(
                                "Form {} version {} from the database not served here: {}",
                                row.formId(),
                                row.version(),
                                p.format(Locale.ENGLISH)));
            } catch (IOException e) {
                LOG.error("Cannot read rates for form {}: {}", row.formId(), e.getMessage());
            }
        }
    }

    private static Path ratesFile(FormDefinition form, Path dir) {
        return form.assessment() == null
                ? null
                : dir.resolve("rates").resolve(form.assessment().rates() + ".yaml");
    }

    /** Loads and checks a form's rate table; throws (and keeps the old table) when it does not fit. */
    private void loadRates(FormDefinition form, Path dir) throws IOException {
        var table = RateTable.forForm(form, dir);
        if (table.isPresent()) {
            var file = ratesFile(form, dir);
            rates.put(form.assessment().rates(), table.get());
            rateHashes.put(file, FormLoader.sha256(Files.readString(file)));
        }
    }

    private void accept(FormDefinition form) {
        var clash = jdbc.sql("select count(*) from form_version where form_id = ? and version = ? and sha256 <> ?")
                .params(form.id(), form.version(), form.sha256())
                .query(Integer.class)
                .single();
        var current = serving.get(form.id());
        if (current != null && current.version() > form.version()) {
            LOG.warn(
                    "Form {} version {} is older than the serving version {}; not served",
                    form.id(),
                    form.version(),
                    current.version());
            return;
        }
        if (clash > 0) {
            // A changed file under an unchanged version number: keep it apart, serve it (the hash differs), and say so.
            LOG.warn(
                    "Form {} version {} changed without a new version number; raise the version when publishing",
                    form.id(),
                    form.version());
        }
        jdbc.sql("""
                        insert into form_version (form_id, version, sha256, source, loaded_at)
                        select ?, ?, ?, ?, ? where not exists
                          (select 1 from form_version where form_id = ? and version = ? and sha256 = ?)""")
                .params(
                        form.id(),
                        form.version(),
                        form.sha256(),
                        form.source(),
                        OffsetDateTime.now(clock),
                        form.id(),
                        form.version(),
                        form.sha256())
                .update();
        byHash.put(form.sha256(), form);
        serving.put(form.id(), form);
        LOG.info(
                "Serving form {} version {} ({})",
                form.id(),
                form.version(),
                form.sha256().substring(0, 12));
    }
}
