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
        list.setId(id + "-files");
        list.addClassName("attachment-files");
        @SuppressWarnings("unchecked")
        var current = new ArrayList<AttachmentRef>(
                Optional.ofNullable((List<AttachmentRef>) session.answers().get(field.id()))
                        .orElse(List.of()));
        add(list);
        var error = new Span();
        error.addClassName("group-error");
        if (uploads == null) {
            current.forEach(a -> list.add(new ListItem(describe(a))));
            setId(id);
            add(hint(getTranslation("designer.preview.notshown")), error);
            control = GroupErrors.of(field, this, error, id + "-error");
            return;
        }
        // Our list is the truth: each file with its name, size and a "Fjern" that really removes it
        // from the answers and the draft's storage. The upload widget's own list (whose × only
        // clears the widget) is emptied after each upload.
        Runnable[] relist = new Runnable[1];
        relist[0] = () -> {
            list.removeAll();
            for (var file : List.copyOf(current)) {
                var remove = new com.vaadin.flow.component.button.Button(getTranslation("attachment.remove"), e -> {
                    current.remove(file);
                    session.answer(field.id(), current.isEmpty() ? null : List.copyOf(current));
                    uploads.removed(file);
                    relist[0].run();
                    changed.run();
                });
                remove.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.TERTIARY);
                remove.getElement().setAttribute("aria-label", getTranslation("attachment.remove.named", file.name()));
                remove.addClassName("attachment-remove");
                list.add(new ListItem(new Span(describe(file)), remove));
            }
        };
        relist[0].run();
        var upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            try {
                if (current.size() >= type.maxFiles()) {
                    getUI().ifPresent(ui -> ui.access(() -> {
                        error.setText(getTranslation("attachment.toomany", type.maxFiles()));
                        upload.clearFileList();
                    }));
                    return;
                }
                var ref = uploads.store(metadata.fileName(), metadata.contentType(), data, type.accept());
                getUI().ifPresent(ui -> ui.access(() -> {
                    error.setText("");
                    if (current.stream().noneMatch(a -> a.sha256().equals(ref.sha256()))) {
                        current.add(ref);
                    }
                    session.answer(field.id(), List.copyOf(current));
                    upload.clearFileList();
                    relist[0].run();
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
        upload.setI18n(dk.indgang.ui.components.UploadTexts.of(this::getTranslation));
        upload.setId(id);
        upload.getElement().setAttribute("aria-label", field.label().in(locale));
        control = GroupErrors.of(field, upload, error, id + "-error");
        add(upload, error);
    }

    FieldControl control() {
        return control;
    }

    /** "tilbud.pdf (38 kB)". */
    private String describe(AttachmentRef file) {
        var kb = Math.max(1, (file.size() + 1023) / 1024);
        return kb >= 1024
                ? getTranslation("attachment.size.mb", file.name(), String.format(getLocale(), "%.1f", kb / 1024.0))
                : getTranslation("attachment.size.kb", file.name(), kb);
    }

    private static Paragraph hint(String text) {
        var p = new Paragraph(text);
        p.addClassName("hint");
        return p;
    }
}
