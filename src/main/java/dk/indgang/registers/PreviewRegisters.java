package dk.indgang.registers;

import dk.indgang.engine.Registers;
import java.util.Optional;

/**
 * The registers a designer's preview and scenarios may ask: only the embedded stubs with their
 * fictitious test persons, never a real register. Empty when any register points at a real endpoint.
 */
public final class PreviewRegisters {

    private final Registers registers;

    PreviewRegisters(Registers registers) {
        this.registers = registers;
    }

    public Optional<Registers> registers() {
        return Optional.ofNullable(registers);
    }
}
