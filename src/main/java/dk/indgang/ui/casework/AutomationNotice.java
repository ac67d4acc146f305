package dk.indgang.ui.casework;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.casework.CaseFiles;
import dk.indgang.engine.ValueFormat;
import java.time.ZoneId;

/**
 * At the top of a case file: the case was decided at once ("Truffet automatisk", when, and the
 * rules' version), or the form decides automatically but this application could not be, and why.
 */
public final class AutomationNotice extends Div {

    /** Shows nothing for a form whose assessment decides nothing. */
    public AutomationNotice(CaseFiles.CaseFile file, ZoneId zone) {
        var box = this;
        setId("case-automation");
        addClassName("info-box");
        setVisible(file.automation().isPresent());
        if (file.automation().isEmpty()) {
            return;
        }
        var automation = file.automation().get();
        var automatic = file.value().decisions().stream()
                .filter(dk.indgang.casework.Decision::automatic)
                .findFirst();
        if (automatic.isPresent()) {
            var decided = file.value().history().stream()
                    .filter(e -> e.kind() == dk.indgang.casework.CaseEvent.Kind.DECIDED_AUTOMATICALLY)
                    .findFirst();
            box.add(
                    new H2(getTranslation("casefile.automatic.title")),
                    new Paragraph(getTranslation(
                            "casefile.automatic.decided",
                            getTranslation("casefile.outcome."
                                    + automatic.get().outcome().name()),
                            automatic.get().amount() == null
                                    ? ""
                                    : " – " + ValueFormat.money(automatic.get().amount()),
                            decided.map(e -> ValueFormat.dateTime(e.at(), zone)).orElse(""))),
                    new Paragraph(getTranslation(
                            "casefile.automatic.rules", automatic.get().ruleVersion())));
        } else if (!automation.automatic()) {
            box.add(new H2(getTranslation("casefile.notautomatic.title")));
            var reasons = new UnorderedList();
            reasons.setId("case-not-automatic");
            automation.notAutomaticBecause().forEach(r -> reasons.add(new ListItem(r)));
            box.add(reasons, new Paragraph(getTranslation("casefile.notautomatic.rules", automation.ruleVersion())));
        }
        setVisible(getComponentCount() > 0);
    }
}
