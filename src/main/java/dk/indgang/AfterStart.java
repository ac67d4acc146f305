package dk.indgang;

import dk.indgang.casework.WorkingDays;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.receipt.ReceiptRenderer;
import dk.indgang.registers.StubRegisters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What is read once the application has started rather than while it starts: the receipt's fonts
 * and colour profile and the holiday calendar, so neither the start nor the first receipt or
 * deadline waits for them. (The forms and the simulated registers begin their own loading at the
 * same moment, and their readers wait for it: {@link FormCatalog}, {@link StubRegisters}.)
 *
 * <p>The warm-ups run on a platform thread, not a virtual one: they run class initializers, and JDK
 * 25 keeps a virtual thread on its carrier while it waits inside one (for the Spring Boot jar's
 * lock, say); two such on a two-core machine left no carrier for the virtual request thread holding
 * that lock, and the application hung at its first page (docs/performance.md).
 *
 * <p>With {@code --indgang.start-training=true} this is the JDK AOT cache's training run
 * ({@code -XX:AOTCacheOutput}, Dockerfile and {@code StartRatioBenchmark}): the application starts
 * as usual, waits until all of the above has loaded — so that their classes are in the cache, not
 * only those of the context's refresh — and exits.
 */
@Component
class AfterStart {

    private static final Logger LOG = LoggerFactory.getLogger(AfterStart.class);

    private final boolean training;
    private final FormCatalog forms;
    private final ObjectProvider<StubRegisters> stubs;
    private final ReceiptRenderer receipts;

    AfterStart(
            @Value("${indgang.start-training:false}") boolean training,
            FormCatalog forms,
            ObjectProvider<StubRegisters> stubs,
            ReceiptRenderer receipts) {
        this.training = training;
        this.forms = forms;
        this.stubs = stubs;
        this.receipts = receipts;
    }

    /** Reads what the first receipt and the first deadline need; returns when done. */
    private void warmUp() {
        receipts.prepare();
        WorkingDays.prepare();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started(ApplicationReadyEvent ready) {
        if (!training) {
            Thread.ofPlatform().name("after-start").daemon().start(this::warmUp);
            return;
        }
        int served = forms.all().size();
        stubs.ifAvailable(StubRegisters::awaitStarted);
        warmUp();
        LOG.info("Training start done ({} forms loaded); exiting", served);
        System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> 0));
    }
}
