package dk.indgang.ui.wizard;

import com.vaadin.flow.component.Component;
import dk.indgang.engine.AddressValue;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.ValueFormat;
import java.math.BigDecimal;

/**
 * The note beside a value that came from a register: "Fra CPR", "Ændret af dig – BBR siger: 92",
 * "Ændret af sagsbehandler", …
 */
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
                case CHANGED -> changed(at, provenance, register);
                case NOT_VERIFIED -> at.getTranslation("wizard.provenance.notverified", register);
            };
        });
    }

    private static String changed(Component at, Provenance provenance, String register) {
        var key =
                provenance.changedByCaseworker() ? "wizard.provenance.changed.caseworker" : "wizard.provenance.changed";
        // the register's value is the citizen's own data (her home, her income, her household's
        // size; a protected address is never prefilled), so she is told what it says
        return provenance.registerValue() == null
                ? at.getTranslation(key, register)
                : at.getTranslation(key + ".value", register, registerValue(at, provenance));
    }

    /** What the register said, as text. */
    public static String registerValue(Component at, Provenance provenance) {
        return switch (provenance.registerValue()) {
            case null -> "";
            case AddressValue a -> a.display();
            case BigDecimal b -> ValueFormat.money(b);
            case Boolean b -> at.getTranslation(b ? "wizard.yes" : "wizard.no");
            default -> String.valueOf(provenance.registerValue());
        };
    }
}
