package glassgo.cli;

import glassgo.cli.lab.BinaryTrees;
import glassgo.cli.lab.Churn;
import glassgo.cli.lab.GcStressLab;
import glassgo.cli.lab.PingPong;
import glassgo.cli.lab.Workers;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code glassgo lab <workload> [flags]}: built-in synthetic Go programs, written in Java against the
 * runtime's mutator API ({@code glassgo.runtime.mutator}), run on glassgo's allocator and scheduler with
 * GOMAXPROCS, GOGC and GODEBUG read as a Go program reads them. Each prints its results, a summary line
 * and a note on what the runtime does not do yet; see docs/lab.md. A runtime fault prints Go's
 * {@code fatal error: ...} and exits 2, like a Go program.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run a built-in synthetic workload on glassgo's runtime and summarise it.",
        subcommands = {Churn.class, BinaryTrees.class, PingPong.class, Workers.class, GcStressLab.class})
final class LabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "lab: no workload given (churn, bintree, pingpong, workers, gcstress); see 'glassgo lab -h'");
    }
}
