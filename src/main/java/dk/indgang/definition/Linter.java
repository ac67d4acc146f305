package dk.indgang.definition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Checks definition files without the web server: {@code java -jar indgang.jar lint forms/}. Prints
 * one located line per problem and returns the process exit code (0 clean, 1 problems, 2 usage).
 */
public final class Linter {

    private final FormLoader loader = new FormLoader();

    /** The result of checking files: what loaded, and every problem. */
    public record Result(List<FormDefinition> forms, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result check(Path path) throws IOException {
        var files = new ArrayList<Path>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> stream = Files.list(path)) {
                stream.filter(Linter::isDefinition).sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        var forms = new ArrayList<FormDefinition>();
        var problems = new ArrayList<Problem>();
        var seen = new HashMap<String, String>();
        for (var file : files) {
            try {
                var form = loader.load(file);
                RateTable.forForm(form, file.toAbsolutePath().getParent());
                var other = seen.putIfAbsent(form.id(), file.getFileName().toString());
                if (other != null) {
                    problems.add(Problem.error(
                            new Location(file.getFileName().toString(), 1, 1), "id.duplicate", "form", form.id()));
                } else {
                    forms.add(form);
                }
            } catch (DefinitionException e) {
                problems.addAll(e.problems());
            }
        }
        return new Result(forms, problems);
    }

    /** A form definition file: YAML, but not a scenarios file. */
    public static boolean isDefinition(Path file) {
        var name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.contains(".scenarios.");
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        var locale = Locale.ENGLISH;
        var paths = new ArrayList<Path>();
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (arg.equals("--lang") && i + 1 < args.size()) {
                locale = Locale.forLanguageTag(args.get(++i));
            } else if (arg.startsWith("-")) {
                err.println("usage: lint [--lang da|en] <file-or-folder>...");
                return 2;
            } else {
                paths.add(Path.of(arg));
            }
        }
        if (paths.isEmpty()) {
            err.println("usage: lint [--lang da|en] <file-or-folder>...");
            return 2;
        }
        var linter = new Linter();
        int forms = 0;
        int problems = 0;
        for (var path : paths) {
            if (!Files.exists(path)) {
                err.println(path + ": error: no such file or folder");
                problems++;
                continue;
            }
            try {
                var result = linter.check(path);
                forms += result.forms().size();
                for (var problem : result.problems()) {
                    err.println(problem.format(locale));
                }
                problems += result.problems().size();
            } catch (IOException e) {
                err.println(path + ": error: " + e.getMessage());
                problems++;
            }
        }
        out.println(new Problem(Location.of("lint"), "lint.summary", List.of(forms, problems), Severity.INFO)
                .message(locale));
        return problems == 0 ? 0 : 1;
    }
}
