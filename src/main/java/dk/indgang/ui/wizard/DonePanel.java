package dk.indgang.ui.wizard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableFunction;
import dk.indgang.submission.Application;
import java.util.Optional;

/** The page after Send: the receipt number and the receipt to download, announced as a status. */
public final class DonePanel extends Div {

    public DonePanel(Optional<Application> application, SerializableFunction<Application, byte[]> receipt) {
        addClassName("done-panel");
        getElement().setAttribute("role", "status");
        var heading = new H2(getTranslation("wizard.done.title"));
        heading.setId("step-heading");
        add(heading);
        application.ifPresent(a -> {
            var number = new Paragraph(getTranslation("wizard.done.text", a.receiptNumber()));
            number.setId("receipt-number");
            add(number, ReceiptLink.of(a, () -> receipt.apply(a), getTranslation("wizard.done.receipt")));
        });
    }
}
