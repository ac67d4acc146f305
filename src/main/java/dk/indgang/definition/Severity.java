package dk.indgang.definition;

/** How much a rule's or a check's finding weighs. */
public enum Severity {
    /** Blocks: the step cannot be completed and the form cannot be submitted. */
    ERROR,
    /** The citizen must confirm or explain before going on. */
    WARNING,
    /** Shown, never blocks. */
    INFO
}
