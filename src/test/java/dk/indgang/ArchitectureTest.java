package dk.indgang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules (docs/architecture.md), as sentences. */
@AnalyzeClasses(packages = "dk.indgang", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiUsesVaadin = noClasses()
            .that()
            .resideOutsideOfPackages("dk.indgang.ui..")
            .and()
            .doNotHaveFullyQualifiedName(IndgangApplication.class.getName())
            .and()
            .doNotHaveFullyQualifiedName("dk.indgang.security.SecurityConfiguration")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.vaadin..")
            .because(
                    "views are the only place Vaadin belongs (besides the app shell and Vaadin's security wiring); the rules must serve an API too");

    @ArchTest
    static final ArchRule definitionsAndTheEngineAreFreeOfSpring = noClasses()
            .that()
            .resideInAnyPackage("dk.indgang.definition..", "dk.indgang.engine..")
            .and()
            .doNotHaveSimpleName("package-info") // the module's declared boundary, read only by the tests
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .because(
                    "the language and the engine are plain Java: unit-testable in milliseconds, usable by the lint command");

    @ArchTest
    static final ArchRule backgroundWorkOfItsOwnIsOnPlatformThreads = noClasses()
            .that()
            .doNotBelongToAnyOf(dk.indgang.registers.DigitalPostSimulator.class)
            .should()
            .callMethod(Thread.class, "ofVirtual")
            .because("a thread of its own (a warm-up after the start, a first load) runs class initializers, and"
                    + " JDK 25 keeps a virtual thread on its carrier while it waits inside one: two such"
                    + " on two cores hung the start (docs/performance.md); request work uses the"
                    + " executors, the simulator its replies");

    @ArchTest
    static final ArchRule nothingDependsOnTheUi = noClasses()
            .that()
            .resideOutsideOfPackages("dk.indgang.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dk.indgang.ui..");

    @ArchTest
    static final ArchRule viewsDoNotTouchTheDatabase = noClasses()
            .that()
            .resideInAPackage("dk.indgang.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.jdbc..", "java.sql..", "org.springframework.web.client..", "java.net.http..")
            .because("a view calls a module's service, never a repository or a register client");

    @ArchTest
    static final ArchRule onlyTheRegistersAndDeliveryUseHttpClientsResilienceAndCaches = noClasses()
            .that()
            .resideOutsideOfPackages("dk.indgang.registers..", "dk.indgang.delivery..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web.client..",
                    "java.net.http..",
                    "io.github.resilience4j..",
                    "com.github.benmanes.caffeine..");

    @ArchTest
    static final ArchRule onlyTheReceiptUsesPdfBox = noClasses()
            .that()
            .resideOutsideOfPackages("dk.indgang.receipt..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.pdfbox..", "org.apache.xmpbox..");

    @ArchTest
    static final ArchRule nothingReadsTheRealClockButTheClockBean = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("dk.indgang.ClockConfiguration")
            .should()
            .callMethodWhere(DescribedPredicate.describe("the real clock is read", call -> {
                var target = call.getTarget();
                var owner = target.getOwner();
                var name = target.getName();
                var timeWithoutClock = owner.getPackageName().equals("java.time")
                        && (name.startsWith("system")
                                || name.equals("now")
                                        && target.getRawParameterTypes().stream()
                                                .noneMatch(t -> t.isEquivalentTo(java.time.Clock.class)));
                return timeWithoutClock || owner.isEquivalentTo(System.class) && name.equals("currentTimeMillis");
            }))
            .because(
                    "business dates come from the injected Clock, which the tests fix; the suite must pass on any date");

    @ArchTest
    static final ArchRule viewsReachAuditLogsTheOutboxAndRegistersOnlyThroughServices = noClasses()
            .that()
            .resideInAPackage("dk.indgang.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dk.indgang.registers..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dk.indgang.audit.LookupAuditLog")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dk.indgang.audit.CitizenAccessLog")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dk.indgang.submission.Outbox")
            .because("a view calls one service; audit, delivery and registers are that service's business");

    @ArchTest
    static final ArchRule onlyTheEngineWritesAnswers = noClasses()
            .that()
            .resideOutsideOfPackage("dk.indgang.engine..")
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "a running form's answers are written",
                    call -> call.getTarget().getOwner().isEquivalentTo(dk.indgang.engine.Answers.class)
                            && java.util.Set.of(
                                            "set",
                                            "addItem",
                                            "removeItem",
                                            "setInItem",
                                            "acknowledge",
                                            "withdrawAcknowledgement",
                                            "override",
                                            "setProvenance",
                                            "setAssistance")
                                    .contains(call.getTarget().getName())))
            .because("the FormSession is the only writer of its answers: it keeps provenance and overrides lawful");

    @ArchTest
    static final ArchRule theScreensDoNotDependOnEachOtherInACircle =
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("dk.indgang.ui.(*)..")
                    .should()
                    .beFreeOfCycles()
                    .because("the wizard serves the citizen's, the counter's and the designer's screens, which use it");
}
