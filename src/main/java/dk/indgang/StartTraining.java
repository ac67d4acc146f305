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
 * The training run for the JDK's AOT cache ({@code -XX:AOTCacheOutput}, Dockerfile and {@code
 * StartRatioBenchmark}): with {@code --indgang.start-training=true} the application starts as usual,
 * waits until what loads after the start has loaded — the forms with their compiled expressions,
 * the simulated registers where they run, the receipt's fonts and colour profile, the holiday
 * calendar — and exits. The cache then holds the classes of the whole
 * start, not only of the context's refresh ({@code spring.context.exit=onRefresh} stops before the
 * web server starts and before the forms load).
 */
@Component
class StartTraining {

    private static final Logger LOG = LoggerFactory.getLogger(StartTraining.class);

    private final boolean training;
    private final FormCatalog forms;
    private final ObjectProvider<StubRegisters> stubs;
    private final ReceiptRenderer receipts;

    StartTraining(
            @Value("${indgang.start-training:false}") boolean training,
            FormCatalog forms,
            ObjectProvider<StubRegisters> stubs,
            ReceiptRenderer receipts) {
        this.training = training;
        this.forms = forms;
        this.stubs = stubs;
        this.receipts = receipts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void exitOnceLoaded(ApplicationReadyEvent ready) {
        if (!training) {
            return;
        }
        int served = forms.all().size();
        stubs.ifAvailable(StubRegisters::awaitStarted);
        receipts.prepare();
        WorkingDays.prepare();
        LOG.info("Training start done ({} forms loaded); exiting", served);
        System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> 0));
    }
}
