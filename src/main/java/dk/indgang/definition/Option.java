package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** One answer a choice field offers: the stored value and its label. */
public record Option(
        @NotBlank(message = "option.value.blank") String value,
        @Valid @NotNull LocalizedText label) {}
