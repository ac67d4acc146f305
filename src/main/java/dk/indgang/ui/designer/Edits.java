package dk.indgang.ui.designer;

import dk.indgang.design.StructureEditor;
import java.util.function.Function;

/** How a designer panel changes the draft: a structure edit, which the editor view saves and checks. */
@FunctionalInterface
interface Edits {
    void edit(Function<StructureEditor, String> change);
}
