package dk.indgang.design;

import dk.indgang.definition.DefinitionException;
import dk.indgang.definition.FormLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario files' part of {@code lint}: each {@code <id>.scenarios.yaml} under the given paths
 * is read as strictly as the runner reads it (a misspelt key, a day that is no date) and checked
 * against its form beside it — a scenario naming a rule or field the form lacks, or a form that is
 * not there. Nothing is run against the registers. Same exit codes as the definitions' lint.
 */
public final class ScenarioLint {

    private ScenarioLint() {}

    /** Prints one line per problem ({@code file: error: …}) and a summary; 0 when none, 1 otherwise. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        var files = new ArrayList<Path>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--lang")) {
                i++;
                continue;
            }
            var path = Path.of(args.get(i));
            try {
                if (Files.isDirectory(path)) {
                    try (var walk = Files.walk(path)) {
                        walk.filter(ScenarioLint::isScenarios).sorted().forEach(files::add);
                    }
                } else if (isScenarios(path)) {
                    files.add(path);
                }
            } catch (IOException e) {
                err.println(path + ": error: " + e.getMessage());
                return 1;
            }
        }
        int problems = 0;
        for (var file : files) {
            for (var problem : problems(file)) {
                err.println(located(file, problem) + ": error: " + problem);
                problems++;
            }
        }
        out.println(files.size() + " scenario file(s) checked, " + problems + " problem(s)");
        return problems == 0 ? 0 : 1;
    }

    private static final java.util.regex.Pattern UNKNOWN_KEY =
            java.util.regex.Pattern.compile(".*unknown key '([^']+)'.*");
    private static final java.util.regex.Pattern SCENARIO =
            java.util.regex.Pattern.compile("^Scenario '([^']*)'.*", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern NAMES =
            java.util.regex.Pattern.compile(".*(?:names|answers) (?:rule|field)? ?'([^']+)'.*");

    /**
     * {@code file:line} for a problem: the line of the key it names (a misspelt key), else of what it
     * names in the scenario (a rule or field), else of the scenario's name; {@code file} alone when
     * none is found.
     */
    public static String located(Path file, String problem) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return file.toString();
        }
        return located(file, text, problem);
    }

    private static String located(Path file, String text, String problem) {
        var lines = text.lines().toList();
        int from = 0;
        var scenario = SCENARIO.matcher(problem);
        if (scenario.matches()) {
            var name = scenario.group(1);
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                if (line.contains("name:") && line.contains(name)) {
                    from = i;
                    break;
                }
            }
        }
        for (var pattern : List.of(UNKNOWN_KEY, NAMES)) {
            var m = pattern.matcher(problem);
            if (m.matches()) {
                var word = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(m.group(1)) + "\\b");
                for (int i = from; i < lines.size(); i++) {
                    if (word.matcher(lines.get(i)).find()) {
                        return file + ":" + (i + 1);
                    }
                }
            }
        }
        return scenario.matches() && from > 0 ? file + ":" + (from + 1) : file.toString();
    }

    static boolean isScenarios(Path file) {
        return file.getFileName().toString().endsWith(".scenarios.yaml");
    }

    /** What is wrong with one scenarios file, in plain words; empty when nothing is. */
    static List<String> problems(Path file) {
        ScenarioRunner.Scenarios scenarios;
        try {
            scenarios = ScenarioRunner.parse(Files.readString(file));
        } catch (IllegalArgumentException | IOException e) {
            return List.of(e.getMessage());
        }
        var formFile = file.resolveSibling(scenarios.formId() + ".yaml");
        if (!Files.exists(formFile)) {
            return List.of("it is for form '" + scenarios.formId() + "', but " + formFile + " does not exist");
        }
        dk.indgang.definition.FormDefinition form;
        try {
            form = new FormLoader().load(formFile);
        } catch (DefinitionException e) {
            // the form's own problems are the definitions' lint's to print
            return List.of();
        }
        var found = new ArrayList<String>();
        for (var scenario : scenarios.scenarios()) {
            for (var problem : ScenarioRunner.unknownNames(form, scenario)) {
                found.add("Scenario '" + scenario.get("name") + "': " + problem);
            }
        }
        return found;
    }
}
