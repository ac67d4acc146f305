package dk.indgang.ui.wizard;

import com.vaadin.flow.component.Component;
import dk.indgang.engine.Provenance;

/** The note beside a value that came from a register: "Fra CPR", "Ændret (CPR siger noget andet)", … */
public final class ProvenanceNotes {

    private ProvenanceNotes() {}

    /** The mode's wording where it has one, else the citizen's; null for a value the citizen typed. */
    public static String note(Component at, AssistanceMode mode, Provenance provenance) {
        if (provenance == null) {
            return null;
        }
        return mode.provenanceNote(at, provenance).orElseGet(() -> {
            var register = Provenance.registerName(provenance.register());
            return switch (provenance.source()) {
                case REGISTER -> at.getTranslation("wizard.provenance.register", register);
                case CHANGED -> at.getTranslation("wizard.provenance.changed", register);
                case NOT_VERIFIED -> at.getTranslation("wizard.provenance.notverified", register);
            };
        });
    }
}
