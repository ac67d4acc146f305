package dk.indgang.ui.citizen;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dk.indgang.overview.MyCases;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.ui.MainLayout;
import dk.indgang.ui.wizard.DraftCards;
import dk.indgang.ui.wizard.ReceiptLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "Mine sager": the citizen's drafts to continue and applications with status history and receipts. */
@Route(value = "mine-sager", layout = MainLayout.class)
@RolesAllowed(Roles.CITIZEN)
public class MyCasesView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH.mm");

    private final MyCases cases;
    private final CurrentUser currentUser;

    private final java.time.Clock clock;

    public MyCasesView(MyCases cases, CurrentUser currentUser, java.time.Clock clock) {
        this.cases = cases;
        this.clock = clock;
        this.currentUser = currentUser;
        setPadding(false);
        addClassName("narrow");
        render();
    }

    private void render() {
        removeAll();
        var locale = getLocale();
        var cpr = currentUser.require().cpr().orElseThrow();
        add(new H1(getTranslation("cases.title")));
        var open = cases.openDrafts(cpr);
        add(new H2(getTranslation("cases.drafts")));
        if (open.isEmpty()) {
            add(new Paragraph(getTranslation("cases.drafts.none")));
        } else {
            add(new DraftCards(
                    open.stream()
                            .map(d -> new DraftCards.Card(d, cases.definitionOf(d), null))
                            .toList(),
                    true,
                    null,
                    DraftCards::continueInWizard,
                    d -> {
                        cases.discard(d, cpr);
                        render();
                    }));
        }
        add(new H2(getTranslation("cases.applications")));
        var applications = cases.applications(cpr);
        if (applications.isEmpty()) {
            add(new Paragraph(getTranslation("cases.applications.none")));
            renderAccessLog(cpr);
            return;
        }
        var list = new UnorderedList();
        list.addClassName("card-list");
        for (var application : applications) {
            var item = new ListItem();
            item.setId("case-" + application.receiptNumber());
            var title = cases.formTitle(application, locale);
            item.add(new H3(title));
            var status = new Paragraph(getTranslation(
                    "cases.status",
                    getTranslation("status." + application.status().name())));
            status.addClassName("case-status");
            item.add(
                    new Paragraph(getTranslation(
                            "cases.number",
                            application.receiptNumber(),
                            WHEN.format(application
                                    .submittedAt()
                                    .atZoneSameInstant(dk.indgang.definition.DanishTime.ZONE)))),
                    status);
            var history = new OrderedList();
            for (var entry : cases.history(application)) {
                var line = new ListItem(new Span(
                        WHEN.format(entry.at().atZoneSameInstant(dk.indgang.definition.DanishTime.ZONE)) + " – "
                                + getTranslation("status." + entry.status().name())));
                if (entry.message() != null && !entry.message().isBlank()) {
                    line.add(new Paragraph(entry.message()));
                }
                history.add(line);
            }
            cases.delivery(application).ifPresent(d -> {
                var state = getTranslation("cases.delivery." + d.status().name());
                var line = new Paragraph(state);
                line.addClassName("hint");
                item.add(line);
            });
            cases.caseOf(application, cpr)
                    .ifPresent(c ->
                            item.add(new CaseLetters(cases, application, c, cpr, LocalDate.now(clock), this::render)));
            cases.caseOf(application, cpr).ifPresent(c -> c.openRequest()
                    .ifPresent(request -> item.add(new RequestAnswerPanel(
                            request,
                            new RequestAnswerPanel.Answering() {
                                @Override
                                public dk.indgang.engine.AttachmentRef store(String name, String type, byte[] data) {
                                    return cases.storeAnswerFile(application, cpr, name, type, data);
                                }

                                @Override
                                public void send(
                                        int number,
                                        String text,
                                        java.util.List<dk.indgang.engine.AttachmentRef> files) {
                                    cases.answer(c, cpr, number, text, files);
                                }
                            },
                            this::render))));
            item.add(new Details(getTranslation("cases.history"), history));
            item.add(ReceiptLink.of(
                    application, () -> cases.receipt(application.id(), cpr), getTranslation("wizard.done.receipt")));
            list.add(item);
        }
        add(list);
        renderAccessLog(cpr);
    }

    /**
     * Who has looked up the citizen's data, and why: register lookups about them and caseworkers'
     * views of their data (GDPR art. 15), newest first. Staff are shown by role, not by name.
     */
    private void renderAccessLog(String cpr) {
        record Line(java.time.OffsetDateTime at, String text) {}
        var lines = new java.util.ArrayList<Line>();
        for (var entry : cases.lookups(cpr)) {
            var who = cpr.equals(entry.actor())
                    ? getTranslation("cases.access.you")
                    : getTranslation("cases.access.staff");
            lines.add(new Line(
                    entry.at(),
                    getTranslation(
                            "cases.access.lookup",
                            dk.indgang.engine.Provenance.registerName(entry.register()),
                            entry.purpose(),
                            who)));
        }
        for (var entry : cases.accesses(cpr)) {
            lines.add(new Line(
                    entry.at(),
                    getTranslation(
                            "cases.access.view",
                            getTranslation("counter.channel." + entry.channel()),
                            entry.purpose())));
        }
        lines.sort(java.util.Comparator.comparing(Line::at).reversed());
        var list = new UnorderedList();
        list.setId("access-log");
        lines.stream()
                .limit(MyCases.ACCESS_LOG_LINES)
                .forEach(line -> list.add(
                        new ListItem(WHEN.format(line.at().atZoneSameInstant(dk.indgang.definition.DanishTime.ZONE))
                                + " – " + line.text())));
        var details = new Details(getTranslation("cases.access.title", list.getComponentCount()), list);
        details.setId("access-details");
        add(new H2(getTranslation("cases.access")), new Paragraph(getTranslation("cases.access.intro")), details);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.title") + " · Indgang";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
