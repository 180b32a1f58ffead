package glassgo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code glassgo build [flags] [packages | files.go]}: until build writes an executable (issue 5's
 * {@code -o}; the code generator today serves {@link RunCommand}), build does what {@code go build} does
 * up to code generation — it loads and type-checks the packages and reports errors the same way
 * {@link CheckCommand} does — and writes no output file.
 */
@Command(name = "build", description = "Compile packages (today: load and type-check; no output file yet).")
final class BuildCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "ARG")
    List<String> args = new ArrayList<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(unmatched);
        all.addAll(args);
        return CheckCommand.run(all, System.out, System.err);
    }
}
