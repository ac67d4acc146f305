package dk.indgang.submission.api;

import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.Severity;
import dk.indgang.engine.AnswerInput;
import dk.indgang.engine.AttachmentRef;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Messages;
import dk.indgang.engine.Review;
import dk.indgang.engine.ValueCodec;
import dk.indgang.submission.Application;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Draft;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.NotSubmittableException;
import dk.indgang.submission.Submissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The headless form API: the same definitions, engine, register lookups and final verdict as the
 * wizard, for other channels (a municipal app, a chatbot, a partner system acting for the citizen).
 * The bearer token's CPR claim is the citizen; every draft and application is theirs only.
 */
@RestController
@RequestMapping("/api/forms/v1")
@Tag(name = "Forms", description = "Fill in a form for the authenticated citizen")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class FormApiController {

    private final FormCatalog catalog;
    private final Drafts drafts;
    private final Submissions submissions;
    private final LookupRunner lookups;
    private final dk.indgang.submission.Attachments attachments;
    private final dk.indgang.engine.LookupMemory lookupMemory;
    private final Clock clock;

    FormApiController(
            FormCatalog catalog,
            Drafts drafts,
            Submissions submissions,
            LookupRunner lookups,
            dk.indgang.submission.Attachments attachments,
            dk.indgang.engine.LookupMemory lookupMemory,
            Clock clock) {
        this.attachments = attachments;
        this.lookupMemory = lookupMemory;
        this.catalog = catalog;
        this.drafts = drafts;
        this.submissions = submissions;
        this.lookups = lookups;
        this.clock = clock;
    }

    record NewDraft(@NotBlank @Size(max = 64) String formId) {}

    /** Answers to merge into the draft, shaped like the draft store: values, groups, acknowledgements. */
    record AnswersPatch(
            Map<String, Object> values,
            Map<String, List<Map<String, Object>>> groups,
            Map<String, String> acknowledgements) {}

    @Operation(summary = "Start a draft of a form", security = @SecurityRequirement(name = "bearer"))
    @PostMapping("/drafts")
    ResponseEntity<Map<String, Object>> start(@Valid @RequestBody NewDraft request, Principal citizen) {
        var form = catalog.offered(request.formId(), dk.indgang.definition.Audience.CITIZEN)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No form with that id"));
        var draft = drafts.start(form, citizen.getName());
        var session = session(draft, citizen);
        draft = drafts.save(draft, session.answers(), draft.currentStep());
        return ResponseEntity.status(HttpStatus.CREATED).body(state(draft, session, Locale.forLanguageTag("da")));
    }

    @Operation(summary = "Put answers; returns the validation state", security = @SecurityRequirement(name = "bearer"))
    @PutMapping("/drafts/{id}/answers")
    Map<String, Object> answer(
            @PathVariable UUID id,
            @RequestBody AnswersPatch patch,
            @RequestParam(defaultValue = "da") String lang,
            Principal citizen) {
        var draft = draft(id, citizen);
        var form = drafts.definitionOf(draft);
        var session = session(draft, citizen);
        apply(patch, form, draft, session);
        runLookups(session, draft, citizen);
        draft = drafts.save(draft, session.answers(), draft.currentStep());
        return state(draft, session, Locale.forLanguageTag(lang));
    }

    @Operation(
            summary = "The validation state: errors, warnings, computed and prefilled values",
            security = @SecurityRequirement(name = "bearer"))
    @GetMapping("/drafts/{id}")
    Map<String, Object> get(@PathVariable UUID id, @RequestParam(defaultValue = "da") String lang, Principal citizen) {
        var draft = draft(id, citizen);
        return state(draft, session(draft, citizen), Locale.forLanguageTag(lang));
    }

    @Operation(summary = "The review: every visible answer by step", security = @SecurityRequirement(name = "bearer"))
    @GetMapping("/drafts/{id}/review")
    Map<String, Object> review(
            @PathVariable UUID id, @RequestParam(defaultValue = "da") String lang, Principal citizen) {
        var draft = draft(id, citizen);
        var session = session(draft, citizen);
        var locale = Locale.forLanguageTag(lang);
        var review = new LinkedHashMap<String, Object>();
        review.put("sections", Review.of(session, locale).sections());
        assessment(session, locale).ifPresent(a -> review.put("assessment", a));
        return review;
    }

    @Operation(
            summary = "Submit; send an Idempotency-Key so a retry gives the same application",
            security = @SecurityRequirement(name = "bearer"))
    @PostMapping("/drafts/{id}/submit")
    ResponseEntity<?> submit(
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestParam(defaultValue = "da") String lang,
            Principal citizen) {
        var draft = draft(id, citizen);
        var existing = submissions.ofDraft(draft.id(), citizen.getName());
        if (existing.isPresent()) {
            return ResponseEntity.ok(summary(existing.get()));
        }
        var session = session(draft, citizen);
        try {
            var application = submissions.submit(
                    draft,
                    session,
                    Channel.ONLINE,
                    citizen.getName(),
                    Locale.forLanguageTag(lang),
                    key == null ? null : citizen.getName() + ":" + key);
            return ResponseEntity.status(HttpStatus.CREATED).body(summary(application));
        } catch (dk.indgang.submission.IdempotencyKeyReusedException e) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
        } catch (NotSubmittableException e) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "The form cannot be submitted yet");
            problem.setProperty(
                    "blocking",
                    e.blocking().stream()
                            .map(v -> {
                                var entry = new LinkedHashMap<String, Object>();
                                entry.put("path", v.path());
                                // a rule by its id, a field's finding by its message key
                                entry.put(v.isRule() ? "rule" : "code", v.isRule() ? v.ruleId() : v.messageKey());
                                entry.put("message", Messages.text(v, session.evaluate(), Locale.forLanguageTag(lang)));
                                return (Object) entry;
                            })
                            .toList());
            return ResponseEntity.unprocessableContent().body(problem);
        }
    }

    @Operation(summary = "An application (JSON document)", security = @SecurityRequirement(name = "bearer"))
    @GetMapping(value = "/applications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    String application(@PathVariable UUID id, Principal citizen) {
        return submissions
                .find(id, citizen.getName())
                .map(Application::document)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No application with that id"));
    }

    @Operation(summary = "An application's PDF receipt", security = @SecurityRequirement(name = "bearer"))
    @GetMapping(value = "/applications/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> receipt(@PathVariable UUID id, Principal citizen) {
        var pdf = submissions
                .receipt(id, citizen.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No application with that id"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    private Draft draft(UUID id, Principal citizen) {
        return drafts.find(id, citizen.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No draft with that id"));
    }

    /**
     * The patch, checked at the edge before anything changes: every key must be one of the form's
     * answerable fields (not a computed one), every value of its field's type and bounded
     * ({@link AnswerInput}), every file a file stored with the draft, every acknowledgement one of
     * the form's rules. One refusal refuses the whole patch, with the path, as a 400.
     */
    private void apply(AnswersPatch patch, FormDefinition form, Draft draft, FormSession session) {
        var values = new LinkedHashMap<String, Object>();
        if (patch.values() != null) {
            patch.values().forEach((key, plain) -> {
                var path = "values." + key;
                var field = form.topLevelFields().get(key);
                if (field == null) {
                    throw new AnswerInput.Refused(path, "the form has no field '" + key + "'");
                }
                if (field.isComputed()) {
                    throw new AnswerInput.Refused(path, "a computed value is not answered");
                }
                values.put(key, stored(draft, AnswerInput.parse(field.type(), plain, path)));
            });
        }
        var groups = new LinkedHashMap<String, List<Map<String, Object>>>();
        if (patch.groups() != null) {
            patch.groups().forEach((key, items) -> {
                var path = "groups." + key;
                if (!(form.topLevelFields().get(key) instanceof dk.indgang.definition.Field field)
                        || !(field.type() instanceof dk.indgang.definition.FieldType.Group group)) {
                    throw new AnswerInput.Refused(path, "the form has no repeating group '" + key + "'");
                }
                if (items == null || items.size() > AnswerInput.MAX_ITEMS) {
                    throw new AnswerInput.Refused(
                            path, "expected a list of at most " + AnswerInput.MAX_ITEMS + " items");
                }
                var parsed = new java.util.ArrayList<Map<String, Object>>();
                for (int i = 0; i < items.size(); i++) {
                    var item = new LinkedHashMap<String, Object>();
                    var at = path + "[" + i + "]";
                    (items.get(i) == null ? Map.<String, Object>of() : items.get(i)).forEach((inner, plain) -> {
                        var innerField = group.fields().stream()
                                .filter(f -> f.id().equals(inner))
                                .findFirst()
                                .orElseThrow(() -> new AnswerInput.Refused(
                                        at + "." + inner, "the group has no field '" + inner + "'"));
                        if (innerField.isComputed()) {
                            throw new AnswerInput.Refused(at + "." + inner, "a computed value is not answered");
                        }
                        item.put(inner, stored(draft, AnswerInput.parse(innerField.type(), plain, at + "." + inner)));
                    });
                    parsed.add(item);
                }
                groups.put(key, parsed);
            });
        }
        var acknowledgements = patch.acknowledgements() == null ? Map.<String, String>of() : patch.acknowledgements();
        acknowledgements.forEach((rule, text) -> {
            if (form.rules().stream().noneMatch(r -> r.id().equals(rule))) {
                throw new AnswerInput.Refused("acknowledgements." + rule, "the form has no rule '" + rule + "'");
            }
            if (text == null || text.length() > AnswerInput.MAX_TEXT) {
                throw new AnswerInput.Refused(
                        "acknowledgements." + rule,
                        "an explanation of at most " + AnswerInput.MAX_TEXT + " characters");
            }
        });
        values.forEach(session::answer);
        groups.forEach((group, items) -> {
            while (!session.answers().items(group).isEmpty()) {
                session.removeItem(group, 0);
            }
            for (var item : items) {
                var index = session.addItem(group);
                item.forEach((k, v) -> session.answerInItem(group, index, k, v));
            }
        });
        acknowledgements.forEach(session::acknowledge);
    }

    /** Files are referred to, never sent here: each must be one stored with this draft (as stored). */
    private Object stored(Draft draft, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty() || !(list.getFirst() instanceof AttachmentRef)) {
            return value;
        }
        return list.stream()
                .map(ref -> attachments
                        .stored(draft, ((AttachmentRef) ref).sha256())
                        .orElseThrow(() -> new AnswerInput.Refused(
                                "values",
                                "no file with sha256 " + ((AttachmentRef) ref).sha256() + " is stored with the draft")))
                .toList();
    }

    private FormSession session(Draft draft, Principal citizen) {
        var form = drafts.definitionOf(draft);
        var session = new FormSession(
                form, draft.answers().copy(), clock, catalog.rates(form).orElse(null));
        // Reading a draft asks no register: its lookups' last answers are adopted, and only a lookup
        // whose key changed (or whose answer is older than the registers' cache time) runs again.
        lookups.guardCprComparisons(
                session,
                new LookupContext(
                        citizen.getName(),
                        draft.ownerCpr(),
                        LookupRunner.COMPARISON_PURPOSE,
                        draft.id().toString()));
        lookupMemory.recall(draft.id().toString()).ifPresent(session::adoptLookups);
        runLookups(session, draft, citizen);
        lookupMemory.remember(draft.id().toString(), session);
        return session;
    }

    private void runLookups(FormSession session, Draft draft, Principal citizen) {
        for (var due = lookups.due(session, draft.ownerCpr());
                !due.isEmpty();
                due = lookups.due(session, draft.ownerCpr())) {
            for (var d : due) {
                var context = new LookupContext(
                        citizen.getName(),
                        draft.ownerCpr(),
                        d.lookup().purpose().da(),
                        draft.id().toString());
                lookups.started(session, d);
                lookups.apply(session, d, lookups.run(d, context));
            }
        }
    }

    private static Map<String, Object> summary(Application application) {
        return Map.of(
                "applicationId",
                application.id(),
                "receiptNumber",
                application.receiptNumber(),
                "status",
                application.status());
    }

    private Map<String, Object> state(Draft draft, FormSession session, Locale locale) {
        var evaluation = session.evaluate();
        var findings = evaluation.violations().stream()
                .map(v -> {
                    var map = new LinkedHashMap<String, Object>();
                    map.put("path", v.path());
                    map.put("severity", v.severity().name().toLowerCase(Locale.ROOT));
                    map.put("message", Messages.text(v, evaluation, locale));
                    if (v.isRule()) {
                        map.put("rule", v.ruleId());
                        map.put("confirmed", evaluation.acknowledgements().containsKey(v.ruleId()));
                    } else {
                        map.put("code", v.messageKey());
                    }
                    map.put("blocking", evaluation.blocks(v));
                    return (Object) map;
                })
                .toList();
        var provenance = new LinkedHashMap<String, Object>();
        session.answers()
                .provenance()
                .forEach((path, p) -> provenance.put(
                        path,
                        Map.of(
                                "source",
                                p.source().name(),
                                "register",
                                p.register(),
                                "fetchedAt",
                                String.valueOf(p.fetchedAt()))));
        var lookupsState = new LinkedHashMap<String, Object>();
        session.lookupResults()
                .forEach((id, r) -> lookupsState.put(id, r.outcome().name()));
        var state = new LinkedHashMap<String, Object>();
        state.put("draftId", draft.id());
        state.put("form", Map.of("id", draft.formId(), "version", draft.formVersion(), "sha256", draft.formSha256()));
        state.put(
                "visibleSteps",
                evaluation.visibleSteps().stream().map(s -> s.id()).toList());
        state.put("answers", ValueCodec.write(session.answers()).get("values"));
        state.put("groups", ValueCodec.write(session.answers()).get("groups"));
        // internal values are the rules' business: not shown in any channel
        var shownComputed = new LinkedHashMap<String, Object>(evaluation.computed());
        shownComputed
                .keySet()
                .removeIf(id -> session.form().field(id).map(f -> f.internal()).orElse(false));
        state.put("computed", ValueCodec.toPlain(shownComputed));
        state.put("provenance", provenance);
        state.put("lookups", lookupsState);
        state.put("findings", findings);
        state.put(
                "errors",
                findings.stream()
                        .filter(f -> "error".equals(((Map<?, ?>) f).get("severity")))
                        .count());
        state.put("submittable", evaluation.isSubmittable());
        assessment(session, locale).ifPresent(a -> state.put("assessment", a));
        return state;
    }

    /**
     * The straks afklaring as it stands, so another channel can show it before submit: the result,
     * the amount (exact, as text), whether it would be decided at once and, if not, why.
     */
    private java.util.Optional<Map<String, Object>> assessment(FormSession session, Locale locale) {
        return catalog.rates(session.form())
                .flatMap(rates -> dk.indgang.assessment.Assessor.assess(session, rates, locale))
                .map(a -> {
                    var map = new LinkedHashMap<String, Object>();
                    map.put("title", a.title());
                    map.put(
                            "result",
                            a.result() == null ? null : a.result().name().toLowerCase(Locale.ROOT));
                    map.put("reason", a.reason());
                    map.put("amount", a.amount() == null ? null : a.amount().toPlainString());
                    map.put(
                            "period",
                            a.period() == null ? null : a.period().name().toLowerCase(Locale.ROOT));
                    map.put("automatic", a.automatic());
                    map.put(
                            "obstacles",
                            a.decision() == null
                                    ? List.of()
                                    : a.decision().obstacles().stream()
                                            .map(o -> Map.of("code", o.code(), "text", o.text()))
                                            .toList());
                    map.put("rates", a.rates());
                    return map;
                });
    }

    static boolean isError(Severity severity) {
        return severity == Severity.ERROR;
    }
}
