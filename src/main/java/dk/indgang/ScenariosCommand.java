package dk.indgang;

import dk.indgang.definition.DefinitionException;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import dk.indgang.definition.RateTable;
import dk.indgang.design.ScenarioRunner;
import dk.indgang.engine.Registers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code java -jar indgang.jar scenarios forms/}: runs every scenario beside the forms against the
 * simulated registers ({@code stubs/}, from the folder it runs in), as the build and the designer
 * do, for a designer's own pipeline. One line per failure ({@code file: error: Scenario '…': …}) and a summary; exit 0 when
 * every scenario passes, 1 when one fails or a file cannot be read, 2 for a usage error or when the
 * simulated registers cannot start. Nothing is served: the registers run in this process only.
 */
public final class ScenariosCommand {

    private ScenariosCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, ScenariosCommand::simulatedRegisters);
    }

    /** @param registers starts the registers to ask, once, only if some scenario is to be run */
    public static int run(List<String> args, PrintStream out, PrintStream err, Supplier<Registers> registers) {
        if (args.isEmpty() || args.stream().anyMatch(a -> a.startsWith("-"))) {
            err.println("usage: java -jar indgang.jar scenarios <forms folder or scenarios file> ...");
            return 2;
        }
        var files = new ArrayList<Path>();
        for (var arg : args) {
            var path = Path.of(arg);
            try {
                if (Files.isDirectory(path)) {
                    try (var walk = Files.walk(path)) {
                        walk.filter(f -> f.getFileName().toString().endsWith(".scenarios.yaml"))
                                .sorted()
                                .forEach(files::add);
                    }
                } else if (Files.isRegularFile(path)) {
                    files.add(path);
                } else {
                    err.println(path + ": error: no such file or folder");
                    return 2;
                }
            } catch (IOException e) {
                err.println(path + ": error: " + e.getMessage());
                return 2;
            }
        }
        record Job(Path file, FormDefinition form, ScenarioRunner.Scenarios scenarios, RateTable rates) {}
        var jobs = new ArrayList<Job>();
        int problems = 0;
        for (var file : files) {
            try {
                var scenarios = ScenarioRunner.parse(Files.readString(file));
                var formFile = file.resolveSibling(scenarios.formId() + ".yaml");
                if (!Files.isRegularFile(formFile)) {
                    err.println(file + ": error: it is for form '" + scenarios.formId() + "', but " + formFile
                            + " does not exist");
                    problems++;
                    continue;
                }
                var form = new FormLoader().load(formFile);
                var rates = RateTable.forForm(form, formFile.toAbsolutePath().getParent())
                        .orElse(null);
                jobs.add(new Job(file, form, scenarios, rates));
            } catch (IllegalArgumentException | IOException e) {
                err.println(dk.indgang.design.ScenarioLint.located(file, String.valueOf(e.getMessage())) + ": error: "
                        + e.getMessage());
                problems++;
            } catch (DefinitionException e) {
                e.problems().forEach(p -> err.println(p.format(java.util.Locale.ENGLISH)));
                problems++;
            }
        }
        int passed = 0;
        int failed = 0;
        if (!jobs.isEmpty()) {
            Registers simulated;
            try {
                simulated = registers.get();
            } catch (RuntimeException e) {
                err.println("error: the simulated registers could not start: " + rootMessage(e));
                return 2;
            }
            var runner = new ScenarioRunner(simulated, "scenarios-command");
            for (var job : jobs) {
                for (var result : runner.run(job.form(), job.scenarios(), job.rates())) {
                    if (result.passed()) {
                        passed++;
                    } else {
                        failed++;
                        for (var failure : result.failures()) {
                            var problem = "Scenario '" + result.name() + "': " + failure;
                            err.println(dk.indgang.design.ScenarioLint.located(job.file(), problem) + ": error: "
                                    + problem);
                        }
                    }
                }
            }
        }
        out.println((passed + failed) + " scenario(s) in " + files.size() + " file(s): " + passed + " passed, " + failed
                + " failed" + (problems == 0 ? "" : ", " + problems + " file(s) could not be read"));
        return failed == 0 && problems == 0 ? 0 : 1;
    }

    /** The registers of the default run, simulated by the embedded WireMock over {@code stubs/}. */
    private static Registers simulatedRegisters() {
        // a fault person's 503 is expected, not news: only errors are logged
        System.setProperty("logging.level.root", "error");
        var started = dk.indgang.registers.SimulatedRegisters.start(new ClockConfiguration().clock());
        Runtime.getRuntime().addShutdownHook(new Thread(started.context()::close));
        return started.registers();
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
