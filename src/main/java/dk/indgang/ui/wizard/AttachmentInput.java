package dk.indgang.ui.wizard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import dk.indgang.engine.AttachmentRef;
import dk.indgang.engine.FormSession;
import dk.indgang.ui.components.FieldControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An attachment field: the files already attached, and an upload limited to the field's types,
 * size and count; each stored file becomes part of the answer. Without {@link StepForm.Uploads}
 * (the designer's preview) it lists the files only.
 */
final class AttachmentInput extends Div {

    private final FieldControl control;

    AttachmentInput(
            Field field,
            FieldType.Attachment type,
            FormSession session,
            StepForm.Uploads uploads,
            String id,
            Runnable changed) {
        var locale = getLocale();
        addClassName("attachment");
        var label = new Span(field.label().in(locale));
        label.addClassName("attachment-label");
        add(label);
        if (field.help() != null) {
            add(hint(field.help().in(locale)));
        }
        var list = new UnorderedList();
        @SuppressWarnings("unchecked")
        var current = new ArrayList<AttachmentRef>(
                Optional.ofNullable((List<AttachmentRef>) session.answers().get(field.id()))
                        .orElse(List.of()));
        current.forEach(a -> list.add(new ListItem(a.name())));
        add(list);
        var error = new Span();
        error.addClassName("group-error");
        if (uploads == null) {
            setId(id);
            add(hint(getTranslation("designer.preview.notshown")), error);
            control = GroupErrors.of(field, this, error, id + "-error");
            return;
        }
        var upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            try {
                var ref = uploads.store(metadata.fileName(), metadata.contentType(), data, type.accept());
                getUI().ifPresent(ui -> ui.access(() -> {
                    error.setText("");
                    current.add(ref);
                    session.answer(field.id(), List.copyOf(current));
                    list.add(new ListItem(ref.name()));
                    changed.run();
                }));
            } catch (dk.indgang.submission.Attachments.UploadRefused refused) {
                // By content, not by name: nothing is stored, and the citizen is told which kinds.
                getUI().ifPresent(ui -> ui.access(() -> error.setText(getTranslation(
                        "attachment.refused", refused.fileName(), String.join(", ", refused.accept())))));
            }
        }));
        upload.setAcceptedFileTypes(type.accept().stream().map(e -> "." + e).toArray(String[]::new));
        upload.setMaxFileSize(type.maxSizeMb() * 1024 * 1024);
        upload.setMaxFiles(type.maxFiles());
        upload.setId(id);
        upload.getElement().setAttribute("aria-label", field.label().in(locale));
        control = GroupErrors.of(field, upload, error, id + "-error");
        add(upload, error);
    }

    FieldControl control() {
        return control;
    }

    private static Paragraph hint(String text) {
        var p = new Paragraph(text);
        p.addClassName("hint");
        return p;
    }
}
