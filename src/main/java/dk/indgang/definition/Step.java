package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** One page of the wizard. */
public record Step(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = "id.pattern")
        String id,

        @Valid @NotNull LocalizedText title,
        @Valid LocalizedText intro,
        Expression visibleWhen,
        @NotEmpty(message = "step.fields.empty") List<@Valid Field> fields,
        Location location) {}
