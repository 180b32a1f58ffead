package glassgo.cli;

import glassgo.compiler.build.BuildContext;
import glassgo.compiler.build.GoRoot;
import glassgo.compiler.build.PackageError;
import glassgo.compiler.build.PackageGraph;
import glassgo.compiler.build.PackageLoader;
import glassgo.compiler.build.StdList;
import glassgo.compiler.types.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code glassgo check [-lang=go1.N] [-e] [gc flags] [packages | files.go]}: type-checks packages
 * the way gc's front end does and prints every error as {@code file:line:col: message}, sorted by
 * position within each package. {@code std} means every standard package. gc-style flags that do
 * not concern type checking ({@code -std}, {@code -+}, {@code -complete}, {@code -d=...}, {@code -m},
 * {@code -race}, ...) are accepted and ignored, so Go's errorcheck tests can call it like gc.
 *
 * <p>Exit status: 0 no errors, 1 errors found, 2 usage error, 3 internal error in glassgo.
 */
@Command(name = "check", description = "Type-check packages or files (like gc's front end).")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "ARG", description = "Packages (import paths, std, ./dir) or .go files.")
    List<String> args = new ArrayList<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(unmatched);
        all.addAll(args);
        return run(all, System.out, System.err);
    }

    /** The shared implementation of check and build (build writes no output file yet). */
    static int run(List<String> rawArgs, PrintStream out, PrintStream err) {
        int langMinor = 19;
        int limit = -1;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < rawArgs.size(); i++) {
            String a = rawArgs.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                targets.add(a);
                continue;
            }
            String flag = a.replaceFirst("^--?", "");
            String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
            String value = flag.contains("=") ? flag.substring(flag.indexOf('=') + 1) : null;
            switch (name) {
                case "lang" -> {
                    if (value == null && i + 1 < rawArgs.size()) {
                        value = rawArgs.get(++i);
                    }
                    Integer m = parseLang(value);
                    if (m == null) {
                        err.println("glassgo: invalid value \"" + value + "\" for flag -lang: want go1.N");
                        return Main.EXIT_USAGE;
                    }
                    langMinor = m;
                }
                case "e" -> limit = "0".equals(value) || "false".equals(value) ? 10 : -1;
                case "o", "p", "D", "I", "importcfg", "trimpath", "asmhdr", "buildid", "gcflags" -> {
                    // gc flags that take a separate value: skip it
                    if (value == null && i + 1 < rawArgs.size() && !name.equals("gcflags")) {
                        i++;
                    }
                }
                default -> { }
            }
        }
        Optional<Path> goroot = GoRoot.find();
        if (goroot.isEmpty()) {
            err.println("glassgo: " + GoRoot.HOW_TO_GET_ONE);
            return 1;
        }
        BuildContext ctx = BuildContext.defaultContext();
        PackageLoader loader = new PackageLoader(goroot.get(), ctx);
        List<PackageGraph> graphs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> imports = new ArrayList<>();
        boolean std = false;
        for (String t : targets) {
            if (t.endsWith(".go")) {
                files.add(t);
            } else if (t.equals("std")) {
                std = true;
            } else if (t.startsWith(".") || t.startsWith("/")) {
                graphs.add(loader.loadCommandLine(List.of(t)));
            } else {
                imports.add(t);
            }
        }
        if (!files.isEmpty()) {
            graphs.add(loader.loadCommandLine(files));
        }
        if (std) {
            try {
                imports.addAll(StdList.list(goroot.get(), ctx));
            } catch (IOException e) {
                err.println("glassgo: listing std: " + e.getMessage());
                return 1;
            }
        }
        if (!imports.isEmpty()) {
            graphs.add(loader.loadImports(imports));
        }
        if (targets.isEmpty()) {
            graphs.add(loader.loadCommandLine(List.of(".")));
        }
        Session session = new Session();
        session.setLangMinor(langMinor);
        int errors = 0;
        int checked = 0;
        int internal = 0;
        int printed = 0;
        long start = System.nanoTime();
        java.util.Set<String> seenPkgs = new java.util.HashSet<>();
        for (PackageGraph g : graphs) {
            if (!g.ok()) {
                // std lists packages with only test files (go list std does too): nothing to check there.
                boolean checkingStd = std;
                List<PackageError> real = g.errors().stream()
                        .filter(pe -> !(checkingStd && pe.message().contains(": no non-test Go files in "))).toList();
                for (PackageError pe : real) {
                    err.println(pe);
                }
                errors += real.size();
                if (!real.isEmpty() && !std) {
                    continue;
                }
            }
            java.util.Set<String> roots = new java.util.HashSet<>();
            g.roots().forEach(r -> roots.add(r.importPath()));
            for (Session.Result r : session.check(g)) {
                if (!seenPkgs.add(r.source().importPath())) {
                    continue;
                }
                checked++;
                boolean isRoot = roots.contains(r.source().importPath());
                if (r.internalError() != null) {
                    internal++;
                    err.println("glassgo: internal error checking " + r.source().importPath() + ": " + r.internalError());
                }
                if (!isRoot) {
                    if (!r.errors().isEmpty()) {
                        err.println("glassgo: note: dependency " + r.source().importPath() + " has "
                                + r.errors().size() + " type errors in glassgo (a glassgo bug; see glassgo check "
                                + r.source().importPath() + ")");
                    }
                    continue;
                }
                if (!r.errors().isEmpty() && (graphs.size() > 1 || g.roots().size() > 1)) {
                    out.println("# " + r.source().importPath());
                }
                Session.Diagnostic last = null;
                for (Session.Diagnostic d : r.errors()) {
                    if (limit >= 0 && printed >= limit) {
                        // gc's -e=0 limit: the tenth error is followed by "too many errors" at its line
                        out.println(last.pos().filename() + ":" + last.pos().line() + ":" + last.pos().column() + ": too many errors");
                        printed++;
                        break;
                    }
                    out.println(d);
                    last = d;
                    printed++;
                }
                errors += r.errors().size();
            }
        }
        out.flush();
        if (std) {
            err.printf("glassgo: checked %d packages, %d errors, %d internal errors in %.1fs%n",
                    checked, errors, internal, (System.nanoTime() - start) / 1e9);
        }
        if (internal > 0) {
            return Main.EXIT_INTERNAL;
        }
        return errors > 0 ? 1 : 0;
    }

    private static Integer parseLang(String v) {
        if (v == null || !v.startsWith("go1.")) {
            return null;
        }
        try {
            return Integer.parseInt(v.substring(4));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
