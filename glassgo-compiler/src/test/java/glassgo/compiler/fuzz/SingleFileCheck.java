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
 * every input's file and checked package, and its FileSet's int positions would overflow after a
 * few thousand large inputs: a fresh Session is started every {@link #INPUTS_PER_SESSION} inputs.
 * The std packages the corpus imports are checked once, declarations only as for any dependency,
 * in a base Session that every input Session starts from ({@link Session#Session(Session)}), so
 * they are neither checked again nor held twice; the first {@link #renewIfDue} pays that cost, not
 * whichever input comes first.
 */
final class SingleFileCheck {
    static final int INPUTS_PER_SESSION = 2000;

    /** What checking one input gave: loader errors, or the checker's result for the input's package. */
    record Outcome(List<PackageError> loadErrors, Session.Result result) {}

    private final Path goroot;
    /** Renewed with each Session: it remembers every import path that failed to load. */
    private PackageLoader loader;
    private final Path file;
    private final List<String> stdImports;
    /** std's checked packages, shared by every input Session; null until the first renewIfDue. */
    private Session std;
    private Session session;
    private int inSession;
    private long serial;

    SingleFileCheck(Path goroot, Path workDir, List<String> stdImports) {
        this.goroot = goroot;
        this.file = workDir.resolve("input.go");
        this.stdImports = List.copyOf(stdImports);
    }

    /**
     * Starts a new Session if the current one is missing or used up, checking std first if it has
     * not been; true if it checked std.
     */
    boolean renewIfDue() {
        if (session != null && inSession < INPUTS_PER_SESSION) {
            return false;
        }
        loader = new PackageLoader(goroot, BuildContext.defaultContext());
        boolean checkedStd = std == null;
        if (checkedStd) {
            std = checkStd();
        }
        session = new Session(std);
        inSession = 0;
        return checkedStd;
    }

    private Session checkStd() {
        Session s = new Session();
        PackageGraph g = loader.loadImports(stdImports);
        // No roots: every package is a dependency, checked without function bodies, as the CLI does.
        for (Session.Result r : s.check(new PackageGraph(List.of(), g.packages(), List.of()))) {
            if (r.internalError() != null) {
                throw new AssertionError("fuzz: internal error checking std package " + r.source().importPath()
                        + ": " + r.internalError());
            }
        }
        return s;
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
