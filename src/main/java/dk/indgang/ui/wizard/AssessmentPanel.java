package dk.indgang.ui.wizard;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dk.indgang.assessment.AssessmentResult;
import dk.indgang.engine.ValueFormat;
import java.util.Locale;

/** Straks afklaring: what the rules say, clearly non-binding, with every step of the calculation. */
public final class AssessmentPanel extends Div {

    public AssessmentPanel(AssessmentResult assessment) {
        addClassName("assessment");
        setId("assessment");
        getElement().setAttribute("role", "region");
        var title = new H3(assessment.title() + " "
                + getTranslation(assessment.automatic() ? "assessment.decides" : "assessment.nonbinding"));
        title.setId("assessment-title");
        getElement().setAttribute("aria-labelledby", "assessment-title");
        add(title, new Paragraph(assessment.reason()));
        if (assessment.decision() != null) {
            var mode = new Paragraph(
                    getTranslation(assessment.automatic() ? "assessment.automatic" : "assessment.caseworker"));
            mode.setId("assessment-mode");
            add(mode);
            if (!assessment.automatic()) {
                var why = new com.vaadin.flow.component.html.UnorderedList();
                why.setId("assessment-not-automatic");
                assessment
                        .decision()
                        .obstacles()
                        .forEach(o -> why.add(new com.vaadin.flow.component.html.ListItem(o.text())));
                add(why);
            }
        }
        if (assessment.amount() != null) {
            var amount = new Paragraph(getTranslation(
                    (assessment.automatic() ? "assessment.amount.decided." : "assessment.amount.")
                            + assessment.period().name().toLowerCase(Locale.ROOT),
                    ValueFormat.money(assessment.amount())));
            amount.addClassName("assessment-amount");
            amount.setId("assessment-amount");
            add(amount);
        }
        var steps = new DescriptionList();
        assessment
                .steps()
                .forEach(l ->
                        steps.add(new DescriptionList.Term(l.label()), new DescriptionList.Description(l.value())));
        add(new Details(getTranslation("assessment.how"), steps));
        if (assessment.note() != null) {
            add(hint(assessment.note()));
        }
        if (assessment.ratesSource() != null) {
            add(hint(getTranslation(
                    "assessment.rates",
                    assessment.ratesValidFrom() == null ? "" : ValueFormat.date(assessment.ratesValidFrom()))));
        }
    }

    private static Paragraph hint(String text) {
        var p = new Paragraph(text);
        p.addClassName("hint");
        return p;
    }
}
