package dk.indgang.ui.wizard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupResult;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Provenance;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The register lookups of an open draft, asked in the background as their keys become known, so
 * the page stays usable; each answer is applied on the UI thread. Shows which registers are being
 * asked (aria-live) and, plainly, which could not answer.
 *
 * <p>There is no push connection (docs/performance.md, "Heap per open wizard"): while a lookup is
 * out the page polls every {@value #POLL_MILLIS} ms, so each answer arrives without a click, and
 * stops polling when the last has arrived. A session holds no WebSocket and its buffers.
 */
public final class LiveLookups extends Div {

    private final LookupRunner runner;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> running = new CopyOnWriteArrayList<>();
    /**
     * The register of each lookup on its way, by a token of its own: the status names them, and the
     * page polls while there is any. Touched on the UI thread only.
     */
    private final java.util.Map<Object, String> pending = new java.util.LinkedHashMap<>();

    /** How often the page asks for answers while lookups are out. */
    static final int POLL_MILLIS = 250;

    /** Lookups started in all, for browserless tests. */
    private int startedInAll;

    public LiveLookups(LookupRunner runner) {
        this.runner = runner;
        addClassName("lookup-status");
        setId("lookup-status");
        getElement().setAttribute("aria-live", "polite");
    }

    /**
     * Starts the lookups due now. Each answer is applied to the session on the UI thread; then
     * {@code answered} is given what the page showed before it ({@code shown}), to bring the page up
     * to date.
     */
    public <T> void start(
            FormSession session,
            String applicantCpr,
            Function<LookupRunner.Due, LookupContext> context,
            Supplier<T> shown,
            Consumer<T> answered) {
        var ui = UI.getCurrent();
        for (var due : runner.due(session, applicantCpr)) {
            var lookupContext = context.apply(due);
            runner.started(session, due);
            var token = new Object();
            pending.put(token, due.lookup().type().register());
            startedInAll++;
            ui.setPollInterval(POLL_MILLIS);
            // only lookups still out are kept (a finished executor future would hold its ended thread)
            var lookup = java.util.concurrent.CompletableFuture.runAsync(
                    () -> {
                        LookupResult<?> result = runner.run(due, lookupContext);
                        ui.access(() -> {
                            var before = shown.get();
                            runner.apply(session, due, result);
                            // this one has answered; the others still on their way stay in the status
                            pending.remove(token);
                            answered.accept(before);
                            if (pending.isEmpty()) {
                                // the last answer is in (and started no further lookup): stop asking
                                ui.setPollInterval(-1);
                            }
                        });
                    },
                    background);
            running.add(lookup);
            lookup.whenComplete((done, failure) -> running.remove(lookup));
        }
        showStatus(session);
    }

    /** The page is gone: lookups still on the way are dropped (the draft keeps what it had). */
    public void stop() {
        background.shutdownNow();
        pending.clear();
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    /** A new draft (or another one): nothing is pending for it. */
    public void reset() {
        pending.clear();
    }

    public void showStatus(FormSession session) {
        removeAll();
        if (!pending.isEmpty()) {
            var bar = new ProgressBar();
            bar.setIndeterminate(true);
            bar.getElement().setAttribute("aria-hidden", "true");
            var names = pending.values().stream()
                    .map(Provenance::registerName)
                    .distinct()
                    .toList();
            add(new Paragraph(getTranslation("wizard.lookup.pending", String.join(", ", names))), bar);
        }
        var unavailable = session.lookupResults().values().stream()
                .filter(LookupResult::isUnavailable)
                .map(r -> Provenance.registerName(r.register()))
                .distinct()
                .toList();
        if (!unavailable.isEmpty()) {
            var notice =
                    new Div(new Paragraph(getTranslation("wizard.lookup.unavailable", String.join(", ", unavailable))));
            notice.addClassName("info-box");
            notice.setId("register-unavailable");
            add(notice);
        }
    }

    /**
     * For browserless tests: waits until the lookups started so far have answered.
     *
     * @return how many lookups have been started in all
     */
    public int awaitForTests() throws Exception {
        var started = startedInAll;
        for (var future : List.copyOf(running)) {
            future.get(10, TimeUnit.SECONDS);
        }
        return started;
    }
}
