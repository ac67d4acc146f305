package dk.indgang.ui.citizen;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dk.indgang.casework.CaseTransitionRefused;
import dk.indgang.casework.CitizenRequest;
import dk.indgang.engine.AttachmentRef;
import dk.indgang.engine.ValueFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The caseworker's open request (or hearing) to the citizen in "Mine sager", with her answer: a text
 * and files. Sending it returns the case to the caseworker.
 */
final class RequestAnswerPanel extends Div {

    /** Stores a file and sends the answer, through the overview's service. */
    interface Answering {
        AttachmentRef store(String name, String type, byte[] data);

        void send(int request, String text, List<AttachmentRef> files);
    }

    RequestAnswerPanel(CitizenRequest request, Answering answering, Runnable sent) {
        addClassName("info-box");
        setId("request-" + request.number());
        add(new H4(getTranslation("cases.request." + request.kind().name())));
        add(new Paragraph(request.text()));
        add(new Paragraph(getTranslation("cases.request.due", ValueFormat.date(request.dueBy()))));
        var text = new TextArea(getTranslation("cases.request.answer"));
        text.setId("answer-text-" + request.number());
        text.setWidthFull();
        var files = new ArrayList<AttachmentRef>();
        var names = new UnorderedList();
        names.setId("answer-list-" + request.number());
        var refusedFile = new Paragraph();
        refusedFile.addClassName("error-text");
        refusedFile.getElement().setAttribute("role", "alert");
        var upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            try {
                var ref = answering.store(metadata.fileName(), metadata.contentType(), data);
                getUI().ifPresent(ui -> ui.access(() -> {
                    refusedFile.setText("");
                    files.add(ref);
                    names.add(new ListItem(ref.name()));
                }));
            } catch (dk.indgang.submission.Attachments.UploadRefused refused) {
                getUI().ifPresent(ui -> ui.access(() -> refusedFile.setText(getTranslation(
                        "attachment.refused", refused.fileName(), String.join(", ", refused.accept())))));
            }
        }));
        upload.setI18n(dk.indgang.ui.components.UploadTexts.of(this::getTranslation));
        upload.setId("answer-files-" + request.number());
        upload.setMaxFileSize(10 * 1024 * 1024);
        upload.getElement().setAttribute("aria-label", getTranslation("cases.request.files"));
        var error = new Paragraph();
        error.addClassName("error-text");
        error.getElement().setAttribute("role", "alert");
        var send = new Button(getTranslation("cases.request.send"), e -> {
            try {
                answering.send(request.number(), text.getValue(), List.copyOf(files));
                sent.run();
            } catch (CaseTransitionRefused refused) {
                error.setText(getTranslation("case.refused." + refused.reason(), refused.getMessage()));
            }
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.setId("answer-send-" + request.number());
        add(text, names, upload, refusedFile, error, send);
    }
}
