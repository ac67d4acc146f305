package dk.indgang.definition;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A definition that cannot be used; carries every problem found, not just the first. */
public class DefinitionException extends RuntimeException {

    private final List<Problem> problems;

    public DefinitionException(List<Problem> problems) {
        super(problems.stream().map(p -> p.format(Locale.ENGLISH)).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
