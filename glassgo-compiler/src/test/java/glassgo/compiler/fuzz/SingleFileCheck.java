// `glassgo check file.go` for one fuzz input at a time, with the standard library checked once per
// session and reused (gc's export data for std, read once per build).
package glassgo.compiler.fuzz;

import glassgo.compiler.build.BuildContext;
import glassgo.compiler.build.LoadedPackage;
import glassgo.compiler.build.PackageError;
import glassgo.compiler.build.PackageGraph;
import glassgo.compiler.build.PackageLoader;
import glassgo.compiler.types.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a source text as the single-file package {@code glassgo check input.go} would: the
 * CLI's own path (PackageLoader.loadCommandLine, then Session.check), its imports resolved from
 * GOROOT. The input is written to one file in a work directory and loaded from there.
 *
 * <p>A Session checks each import path once and keeps it, which is what lets std be checked once;
 * so each input gets its own import path, or it would be "already checked". A Session also keeps
 * every file in its FileSet, whose int positions would overflow after a few thousand large
 * inputs: a fresh Session is started every {@link #INPUTS_PER_SESSION} inputs. Each new Session
 * first checks, declarations only as for any dependency, the std packages the corpus imports
 * ({@link #renewIfDue}), so that cost is paid up front and not by whichever input comes first.
 */
final class SingleFileCheck {
    static final int INPUTS_PER_SESSION = 2000;

    /** What checking one input gave: loader errors, or the checker's result for the input's package. */
    record Outcome(List<PackageError> loadErrors, Session.Result result) {}

    private final PackageLoader loader;
    private final Path file;
    private Session session;
    private int inSession;
    private long serial;

    private final List<String> stdImports;

    SingleFileCheck(Path goroot, Path workDir, List<String> stdImports) {
        this.loader = new PackageLoader(goroot, BuildContext.defaultContext());
        this.file = workDir.resolve("input.go");
        this.stdImports = List.copyOf(stdImports);
    }

    /** Starts a new Session with std checked if the current one is missing or used up; true if it did. */
    boolean renewIfDue() {
        if (session != null && inSession < INPUTS_PER_SESSION) {
            return false;
        }
        session = new Session();
        inSession = 0;
        PackageGraph std = loader.loadImports(stdImports);
        // No roots: every package is a dependency, checked without function bodies, as the CLI does.
        for (Session.Result r : session.check(new PackageGraph(List.of(), std.packages(), List.of()))) {
            if (r.internalError() != null) {
                throw new AssertionError("fuzz: internal error checking std package " + r.source().importPath()
                        + ": " + r.internalError());
            }
        }
        return true;
    }

    Path file() {
        return file;
    }

    Outcome check(byte[] src) throws IOException {
        Files.write(file, src);
        PackageGraph g = loader.loadCommandLine(List.of(file.toString()));
        if (!g.ok()) {
            // The CLI prints these and does not type-check the package.
            return new Outcome(g.errors(), null);
        }
        if (session == null) {
            throw new IllegalStateException("fuzz: check before renewIfDue");
        }
        inSession++;
        LoadedPackage root = g.roots().getFirst();
        LoadedPackage own = new LoadedPackage("fuzz/input" + serial++, root.dir(), root.name(), root.goFiles(),
                root.imports(), root.importMap());
        List<LoadedPackage> pkgs = g.packages().stream().map(p -> p == root ? own : p).toList();
        for (Session.Result r : session.check(new PackageGraph(List.of(own), pkgs, g.errors()))) {
            if (r.source() == own) {
                return new Outcome(List.of(), r);
            }
        }
        throw new AssertionError("fuzz: Session.check gave no result for the input's package " + own.importPath());
    }
}
