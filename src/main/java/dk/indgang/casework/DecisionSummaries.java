package dk.indgang.casework;

import dk.indgang.submission.CaseSystem;
import dk.indgang.submission.Decisions;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The case module's answer to "has this application been decided, and how?" for the done page. */
@Component
class DecisionSummaries implements Decisions {

    private final CaseRepository repository;
    private final CaseSystem applications;
    private final JsonMapper json;

    DecisionSummaries(CaseRepository repository, CaseSystem applications, JsonMapper json) {
        this.repository = repository;
        this.applications = applications;
        this.json = json;
    }

    @Override
    public Optional<Summary> latest(UUID applicationId) {
        return repository
                .ofApplication(applicationId)
                .map(CaseRepository.Stored::value)
                .filter(c -> c.state() == CaseState.DECIDED)
                .flatMap(c -> c.latestDecision().map(d -> summary(c, d)));
    }

    private Summary summary(Case value, Decision decision) {
        var period = applications
                .get(value.applicationId())
                .map(a -> json.readTree(a.document())
                        .path("assessment")
                        .path("period")
                        .asString("month"))
                .orElse("month");
        var rules = decision.rules();
        return new Summary(
                decision.outcome().name(),
                decision.amount(),
                period,
                decision.automatic(),
                decision.appealBy(),
                rules.isEmpty() ? "" : rules.getFirst(),
                decision.facts().stream()
                        .map(f -> f.text()
                                + switch (f.source()) {
                                    case CITIZEN -> " (oplyst af dig)";
                                    case REGISTER, OTHER -> " (" + f.sourceName() + ")";
                                })
                        .toList(),
                rules.size() > 1 ? rules.subList(1, rules.size()) : java.util.List.of());
    }
}
