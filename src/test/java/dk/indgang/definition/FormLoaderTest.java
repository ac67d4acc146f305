package dk.indgang.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormLoaderTest {

    private static final Path TEST_FORM = Path.of("src/test/resources/forms/husstand-test.yaml");

    private final FormLoader loader = new FormLoader();

    private static String valid() throws IOException {
        return Files.readString(TEST_FORM);
    }

    private List<Problem> problems(String source) {
        return catchThrowableOfType(DefinitionException.class, () -> loader.load("form.yaml", source))
                .problems();
    }

    @Test
    void loadsTheTestFormWithItsHash() throws IOException {
        var form = loader.load(TEST_FORM);
        assertThat(form.id()).isEqualTo("husstand-test");
        assertThat(form.steps()).extracting(Step::id).containsExactly("dig", "boern", "oekonomi");
        assertThat(form.sha256()).hasSize(64).isEqualTo(FormLoader.sha256(valid()));
    }

    @Test
    void aWarningsExplanationIsLabelledByTheRuleOrByWhetherItComparesWithARegister() {
        var boernetilskud = loader.load(Path.of("forms/boernetilskud.yaml"));
        var own = boernetilskud.explanationLabel("andenVoksen");
        assertThat(own.own()).map(t -> t.da()).contains("Forklar, hvem den anden voksne er");
        var difference = boernetilskud.explanationLabel("boernAfviger");
        assertThat(difference.own()).isEmpty();
        assertThat(difference.difference()).isTrue();
        // "no children" compares with no register: a plain explanation
        assertThat(boernetilskud.explanationLabel("ingenBoern").difference()).isFalse();
    }

    @Test
    void aDateBoundThatIsNoDayOrAMinAfterItsMaxIsRefusedAtLoadWithItsLine() throws IOException {
        var unreal = valid().replace("        max: today\n", "        min: 2026-02-30\n        max: today\n");
        assertThat(unreal).contains("2026-02-30");
        var line = unreal.substring(0, unreal.indexOf("min: 2026-02-30")).split("\n", -1).length;
        assertThat(problems(unreal)).anySatisfy(p -> {
            assertThat(p.messageKey()).isEqualTo("date.bound.unreal");
            assertThat(p.location().line()).isEqualTo(line);
        });

        var crossed = valid().replace("        max: today\n", "        min: today+6m\n        max: today-3m\n");
        assertThat(problems(crossed)).anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("date.bound.order"));
        var dates = valid().replace("        max: today\n", "        min: 2026-05-01\n        max: 2026-04-30\n");
        assertThat(problems(dates)).anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("date.bound.order"));

        // a date against an offset depends on the day: served, and checked per answer
        var mixed = valid().replace("        max: today\n", "        min: 1900-01-01\n        max: today\n");
        assertThat(loader.load("form.yaml", mixed).id()).isEqualTo("husstand-test");
        assertThat(DateBound.minAfterMax("today-1d", "today")).isFalse();
        assertThat(DateBound.minAfterMax("today+1m", "today+30d")).isFalse(); // not on every day
    }

    @Test
    void anExplainLabelMustBeAText() throws IOException {
        var source = valid().replace("    fields: [husleje]\n", "    fields: [husleje]\n    explain: \"Forklar\"\n");
        assertThat(source).contains("explain:");
        var line = source.substring(0, source.indexOf("explain:")).split("\n", -1).length;
        assertThat(problems(source))
                .anySatisfy(p -> assertThat(p.location().line()).isEqualTo(line));
    }

    private static String deciding() throws IOException {
        return Files.readString(Path.of("src/test/resources/assessment/afgoerelse-test.yaml"));
    }

    @Test
    void anAutomaticOutcomeOnAnInputNoRegisterVerifiesIsRefusedAtTheField() throws IOException {
        var source = deciding().replace("        decisiveOnDeclaration: true\n", "");
        var problems = problems(source);
        assertThat(problems).extracting(Problem::messageKey).containsExactly("assessment.input.unverifiable");
        assertThat(problems.getFirst().location().line())
                .isEqualTo(source.lines().toList().indexOf("      - id: antal") + 1);
        assertThat(loader.load("form.yaml", deciding()).assessment().decides()).isTrue();
    }

    @Test
    void onlyAMunicipalCaseCanBeDecidedAutomaticallyAndNeverTheCaseworkerOutcome() throws IOException {
        var external = deciding().replace("  by: municipality\n", "  by: external\n");
        assertThat(problems(external)).extracting(Problem::messageKey).contains("assessment.automatic.municipality");
        var caseworker = deciding().replace("    - result: not_eligible\n", "    - result: caseworker\n");
        assertThat(problems(caseworker))
                .extracting(Problem::messageKey)
                .containsExactly("assessment.automatic.caseworker");
    }

    @Test
    void aFormIsProcessedExternallyUnlessItSaysTheMunicipalityDecides() throws IOException {
        assertThat(loader.load(TEST_FORM).processing().byMunicipality()).isFalse();
        var enkeltydelse = loader.load(Path.of("forms/enkeltydelse.yaml")).processing();
        assertThat(enkeltydelse.byMunicipality()).isTrue();
        assertThat(enkeltydelse.unit()).isEqualTo("ydelse");
        assertThat(enkeltydelse.deadlineWorkingDays()).isEqualTo(20);
        assertThat(enkeltydelse.appeal().weeks()).isEqualTo(4);
        assertThat(enkeltydelse.legalBasis().da()).contains("§ 81");
        assertThat(enkeltydelse.reasons()).extracting(Processing.Reason::id).contains("kanSelvBetale");
    }

    @Test
    void aMunicipalFormWithoutUnitTargetOrAppealGuidanceIsLocatedAtItsProcessingKey() throws IOException {
        var source = valid().replace("steps:\n", """
                processing:
                  by: municipality
                  deadlineWorkingDays: 0
                steps:
                """);
        var problems = problems(source);
        assertThat(problems).extracting(Problem::messageKey).contains("key.missing", "processing.deadline");
        assertThat(problems)
                .filteredOn(p -> p.messageKey().equals("key.missing"))
                .extracting(p -> p.args().getFirst())
                .contains("unit", "legalBasis", "appeal");
        var at = lineOf(source, "processing:");
        assertThat(problems).allSatisfy(p -> assertThat(p.location().line()).isBetween(at, at + 2));
        var misspelt = valid().replace("steps:\n", "processing: {by: kommune}\nsteps:\n");
        assertThat(problems(misspelt)).extracting(Problem::messageKey).containsExactly("value.unknown");
    }

    @Test
    void everyFormCarriesAWellFormedKleClassification() throws IOException {
        var form = new FormLoader().load("husstand-test.yaml", valid());
        assertThat(form.kle()).isEqualTo(new Kle("00.01.10", "G01"));

        var missing = problems(valid().replace("kle: {subject: \"00.01.10\", facet: \"G01\"}\n", ""));
        assertThat(missing).extracting(Problem::messageKey).containsExactly("key.missing");
        assertThat(missing.getFirst().args()).containsExactly("kle", "form");

        var source = valid().replace(
                        "kle: {subject: \"00.01.10\", facet: \"G01\"}", "kle: {subject: \"27.2404\", facet: \"g1\"}");
        var malformed = problems(source);
        assertThat(malformed).extracting(Problem::messageKey).containsExactlyInAnyOrder("kle.subject", "kle.facet");
        assertThat(malformed).allSatisfy(p -> assertThat(p.location().line()).isEqualTo(lineOf(source, "kle:")));
    }

    @Test
    void locatesMalformedYaml() throws IOException {
        var source = valid().replace(
                        "    title: {da: \"Om dig\", en: \"About you\"}",
                        "    title: {da: \"Om dig\", en: \"About you\"");
        var problems = problems(source);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().messageKey()).isEqualTo("yaml.malformed");
        assertThat(problems.getFirst().location().line()).isBetween(10, 11);
    }

    @Test
    void locatesAnUnknownFieldInAnExpressionToTheColumn() throws IOException {
        var source = valid().replace("when: \"husleje > indkomst\"", "when: \"husleje > indkomt\"");
        var problem = problems(source).getFirst();
        assertThat(problem.messageKey()).isEqualTo("expression.unknown.name.suggest");
        assertThat(problem.location()).isEqualTo(new Location("form.yaml", lineOf(source, "indkomt\""), 22));
        assertThat(problem.message(Locale.ENGLISH))
                .isEqualTo("The expression 'husleje > indkomt' uses 'indkomt', which is not a field, lookup or function"
                        + " of this form. Did you mean 'indkomst'?");
        assertThat(problem.message(Locale.forLanguageTag("da"))).endsWith("Mente du 'indkomst'?");
    }

    @Test
    void speaksOfExpressionsInTheDesignersWordsWithoutCelInternals() throws IOException {
        var cases = java.util.Map.of(
                "husleje > indkomst &&", "expression.syntax.end",
                "husleje > (indkomst", "expression.syntax.end",
                "husleje > indkomst $ 2", "expression.syntax.at",
                "navn > 2", "expression.operator",
                "sizze(navn) > 2", "expression.unknown.name.suggest",
                "zzzzzz > 2", "expression.unknown.name");
        for (var entry : cases.entrySet()) {
            var source = valid().replace("when: \"husleje > indkomst\"", "when: \"" + entry.getKey() + "\"");
            var problem = problems(source).getFirst();
            assertThat(problem.messageKey()).as(entry.getKey()).isEqualTo(entry.getValue());
            for (var locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("da"))) {
                assertThat(problem.message(locale))
                        .as(entry.getKey())
                        .doesNotContain("<EOF>", "mismatched", "container", "overload", "expecting", "_>_");
            }
        }
        assertThat(problems(valid().replace("when: \"husleje > indkomst\"", "when: \"navn > 2\""))
                        .getFirst()
                        .message(Locale.forLanguageTag("da")))
                .startsWith("Udtrykket 'navn > 2' bruger > på værdier af typen (string, int)");
    }

    @Test
    void locatesAnExpressionTypeError() throws IOException {
        var source = valid().replace("visibleWhen: \"harBoern\"", "visibleWhen: \"navn\"");
        var problem = problems(source).getFirst();
        assertThat(problem.messageKey()).isEqualTo("expression.type");
        assertThat(problem.location().line()).isEqualTo(lineOf(source, "visibleWhen: \"navn\""));
        assertThat(problem.message(Locale.forLanguageTag("da"))).contains("skal give bool, men giver string");
    }

    @Test
    void locatesADuplicateId() throws IOException {
        var source = valid().replace("- id: email", "- id: navn");
        var problem = problems(source).getFirst();
        assertThat(problem.messageKey()).isEqualTo("id.duplicate");
        assertThat(problem.location().line()).isEqualTo(lineOf(source, "- id: navn", 2));
    }

    @Test
    void rejectsUnknownKeysAndKeysThatDoNotFitTheType() throws IOException {
        var source = valid().replace("maxLength: 60", "maxLenght: 60")
                .replace("max: 17", "max: 17\n            options: []");
        assertThat(problems(source)).extracting(Problem::messageKey).contains("key.unknown", "key.not.for.type");
    }

    @Test
    void rejectsCyclesAmongComputedValues() throws IOException {
        var source = valid().replace("compute: \"size(boernListe)\"", "compute: \"int(rest)\"")
                .replace("compute: \"indkomst - husleje\"", "compute: \"double(antalBoern)\"");
        assertThat(problems(source)).extracting(Problem::messageKey).containsExactly("compute.cycle");
    }

    @Test
    void rejectsAStepThatCanNeverBeShown() throws IOException {
        var source = valid().replace("visibleWhen: \"harBoern\"", "visibleWhen: \"1 > 2\"");
        assertThat(problems(source)).extracting(Problem::messageKey).containsExactly("step.never.shown");
    }

    @Test
    void rejectsAConditionOnALaterAnswer() throws IOException {
        var source = valid().replace("visibleWhen: \"harBoern\"", "visibleWhen: \"husleje > 0.0\"");
        assertThat(problems(source)).extracting(Problem::messageKey).containsExactly("reference.later.step");
    }

    @Test
    void requiresBothLanguages() throws IOException {
        var source = valid().replace("label: {da: \"E-mail\", en: \"Email\"}", "label: {da: \"E-mail\"}");
        assertThat(problems(source)).extracting(Problem::messageKey).containsExactly("text.en.blank");
    }

    @Test
    void checksWhatLookupsAreKeyedBy() throws IOException {
        var source = Files.readString(Path.of("src/test/resources/forms/registre-test.yaml"));
        var byName = source.replace("key: medansoegerCpr", "key: navn");
        assertThat(problems(byName)).extracting(Problem::messageKey).containsExactly("lookup.key.invalid");
        // A household may only follow the applicant's own address, never another person's.
        var othersHousehold =
                source.replace("    type: household\n    key: ansoeger", "    type: household\n    key: medansoeger");
        assertThat(problems(othersHousehold))
                .extracting(Problem::messageKey)
                .containsExactly("lookup.key.needs.person");
        var typo = source.replace("prefill: \"bolig.area\"", "prefill: \"boliger.area\"");
        assertThat(problems(typo)).extracting(Problem::messageKey).containsExactly("expression.unknown.name.suggest");
    }

    @Test
    void refusesAValueShownToTheCitizenThatCarriesAnotherPersonsCprNumber() throws IOException {
        var source = Files.readString(Path.of("src/test/resources/forms/registre-test.yaml"));
        var shown = "        prefill: \"ansoeger.name\"";
        assertThat(source).contains(shown);
        for (var leak : List.of(
                "husstand.members.map(m, m.cpr).join(',')",
                "husstand.found ? husstand.members[0].cpr : ''",
                "ansoeger.children.join(', ')",
                "husstand.members.filter(m, m.age > 17).map(m, m.name + ' ' + m.cpr.substring(0, 6)).join(';')",
                "ansoeger.children.filter(c, c != '').join(',')",
                // a number is the number all the same
                "string(int(husstand.members[0].cpr))")) {
            var refused = source.replace(shown, "        compute: \"" + leak + "\"");
            var problems = problems(refused);
            assertThat(problems).as(leak).extracting(Problem::messageKey).containsExactly("expression.privacy.cpr");
            assertThat(problems.getFirst().location().line()).isEqualTo(lineOf(refused, leak));
            assertThat(problems.getFirst().message(Locale.forLanguageTag("da")))
                    .contains("viser borgeren en anden persons CPR-nummer");
        }
        // comparing, counting, her own number and names are not the numbers themselves
        for (var fine : List.of(
                "ansoeger.cpr",
                "string(size(husstand.members.filter(m, m.cpr != ansoeger.cpr)))",
                "husstand.members.exists(m, m.cpr in ansoeger.children) ? 'ja' : 'nej'",
                "husstand.members.map(m, m.name).join(', ')")) {
            var accepted = source.replace(shown, "        compute: \"" + fine + "\"");
            assertThat(loader.load("form.yaml", accepted).field("navn"))
                    .as(fine)
                    .isPresent();
        }
    }

    @Test
    void aKeyALookupOrAGroupItemDoesNotHaveIsALoadErrorNotAMissingValueAtRunTime() throws IOException {
        var source = Files.readString(Path.of("src/test/resources/forms/registre-test.yaml"));
        var shown = "        prefill: \"ansoeger.name\"";
        var wrong = java.util.Map.of(
                "string(bolig.areaa)", "expression.key.unknown.suggest",
                "husstand.members.map(m, m.navn).join(', ')", "expression.key.unknown",
                "husstand.members.filter(m, m.age > 17).map(m, m.nme).join(', ')", "expression.key.unknown.suggest",
                "husstand.found ? husstand.members[0].nam : ''", "expression.key.unknown.suggest",
                "string(indkomst.totl)", "expression.key.unknown.suggest");
        for (var entry : wrong.entrySet()) {
            var problems = problems(source.replace(shown, "        compute: \"" + entry.getKey() + "\""));
            assertThat(problems)
                    .as(entry.getKey())
                    .extracting(Problem::messageKey)
                    .containsExactly(entry.getValue());
        }
        assertThat(problems(source.replace(shown, "        compute: \"string(bolig.areaa)\""))
                        .getFirst()
                        .message(Locale.ENGLISH))
                .contains("reads 'areaa' of bolig", "Did you mean 'area'?");
        for (var fine : List.of(
                "husstand.members.filter(m, m.age > 17).map(m, m.name).join(', ')",
                "husstand.found ? husstand.members[0].name : ''",
                "string(bolig.area) + ' ' + indkomst.outcome")) {
            var accepted = source.replace(shown, "        compute: \"" + fine + "\"");
            assertThat(loader.load("form.yaml", accepted).field("navn"))
                    .as(fine)
                    .isPresent();
        }
        // a prefill of the wrong type: a list into a whole number
        var listIntoNumber = source.replace("prefill: \"bolig.area\"", "prefill: \"husstand.members\"");
        assertThat(problems(listIntoNumber)).extracting(Problem::messageKey).containsExactly("expression.type");
        // a repeating group's items inside a macro
        var group = valid().replace("maxLength: 60", "maxLength: 60\n")
                .replace("when: \"husleje > indkomst\"", "when: \"boernListe.exists(b, b.barnAlderr > 17)\"");
        assertThat(problems(group)).extracting(Problem::messageKey).containsExactly("expression.key.unknown.suggest");
    }

    @Test
    void lintExitsNonZeroWithLocatedMessages(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.yaml"), valid());
        Files.writeString(
                dir.resolve("bad.yaml"),
                valid().replace("id: husstand-test", "id: husstand-bad").replace("- id: email", "- id: navn"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var exit = Linter.run(
                List.of(dir.toString()), new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .containsPattern("bad\\.yaml:\\d+:\\d+: error: The field id 'navn' is used more than once");
        assertThat(out.toString()).contains("1 form(s) ok, 1 problem(s)");
    }

    @Test
    void lintExitsZeroForTheFormsFolder() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        assertThat(Linter.run(List.of("forms"), new PrintStream(out), new PrintStream(err)))
                .as(err.toString())
                .isZero();
    }

    private static int lineOf(String source, String text) {
        return lineOf(source, text, 1);
    }

    private static int lineOf(String source, String text, int occurrence) {
        var lines = source.lines().toList();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }
}
