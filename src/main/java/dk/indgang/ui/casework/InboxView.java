package dk.indgang.ui.casework;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dk.indgang.casework.CaseFiles;
import dk.indgang.casework.CaseState;
import dk.indgang.casework.Cases;
import dk.indgang.engine.CprNumber;
import dk.indgang.engine.ValueFormat;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unit's inbox: every open case with its deadline (the nearest first), its state, who has it
 * and the flags its application carries; filtered by state or to the caseworker's own.
 */
@Route(value = "sager", layout = MainLayout.class)
@RolesAllowed(Roles.CASEWORKER)
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    private final CaseFiles caseFiles;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Select<Optional<CaseState>> state = new Select<>();
    private final Checkbox mine = new Checkbox();
    private final UnorderedList list = new UnorderedList();

    public InboxView(CaseFiles caseFiles, CurrentUser currentUser, Clock clock) {
        this.caseFiles = caseFiles;
        this.currentUser = currentUser;
        this.clock = clock;
        setPadding(false);
        addClassName("narrow");
        add(new H1(getTranslation("inbox.title")), new Paragraph(getTranslation("inbox.intro")));
        state.setLabel(getTranslation("inbox.filter.state"));
        var states = new ArrayList<Optional<CaseState>>();
        states.add(Optional.empty());
        Arrays.stream(CaseState.values())
                .filter(CaseState::isOpen)
                .map(Optional::of)
                .forEach(states::add);
        state.setItems(states);
        state.setItemLabelGenerator(
                s -> s.map(v -> getTranslation("case.state." + v.name())).orElse(getTranslation("inbox.filter.all")));
        state.setValue(Optional.empty());
        state.setId("inbox-state");
        mine.setLabel(getTranslation("inbox.filter.mine"));
        mine.setId("inbox-mine");
        state.addValueChangeListener(e -> render());
        mine.addValueChangeListener(e -> render());
        list.addClassName("card-list");
        list.setId("inbox");
        var filters = new Div(state, mine);
        filters.addClassName("filters");
        add(filters, list);
        render();
    }

    private void render() {
        list.removeAll();
        var user = currentUser.require().username();
        var today = LocalDate.now(clock);
        var shown = caseFiles.inbox().stream()
                .filter(i -> state.getValue().map(s -> i.value().state() == s).orElse(true))
                .filter(i -> !mine.getValue()
                        || i.value().assignee().filter(user::equals).isPresent())
                .toList();
        if (shown.isEmpty()) {
            list.add(new ListItem(new Paragraph(getTranslation("inbox.empty"))));
        }
        for (var item : shown) {
            list.add(card(item, today));
        }
    }

    private ListItem card(Cases.InboxItem item, LocalDate today) {
        var value = item.value();
        var application = caseFiles.application(value).orElseThrow();
        var link = new RouterLink(
                caseFiles.formTitle(application, getLocale()) + " · " + application.receiptNumber(),
                CaseFileView.class,
                new RouteParameters("caseId", value.id().toString()));
        link.setId("case-" + application.receiptNumber());
        var heading = new H2(link);
        var deadline = new Span(getTranslation("inbox.deadline", ValueFormat.date(value.deadline())));
        if (today.isAfter(value.deadline()) && value.state().isOpen()) {
            deadline.addClassName("error-text");
            deadline.setText(deadline.getText() + " – " + getTranslation("inbox.deadline.passed"));
        }
        var facts = new Paragraph(getTranslation("case.state." + value.state().name()) + " · "
                + value.assignee()
                        .map(a -> getTranslation("inbox.assignee", a))
                        .orElse(getTranslation("inbox.unassigned"))
                + " · "
                + getTranslation("inbox.citizen", CprNumber.mask(value.citizenCpr())));
        var card = new ListItem(heading, deadline, facts);
        var badges = new Div();
        badges.addClassName("badges");
        item.flags().forEach(f -> badges.add(badge(getTranslation("case.flag." + f.name()))));
        if (item.requestOverdue(today)) {
            badges.add(badge(getTranslation("inbox.request.overdue")));
        }
        if (badges.getComponentCount() > 0) {
            card.add(badges);
        }
        return card;
    }

    private static Span badge(String text) {
        var badge = new Span(text);
        badge.addClassName("badge");
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title") + " · Indgang";
    }
}
