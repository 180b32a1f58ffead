package glassgo.compiler.types;

import glassgo.compiler.ast.File;
import glassgo.compiler.build.LoadedPackage;
import glassgo.compiler.build.PackageGraph;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Parser;
import glassgo.compiler.syntax.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the packages of a build in dependency order, each once per run (the role of gc's export
 * data: a dependency is checked before its importers and its {@link Package} is reused). Every
 * package is parsed with the syntax package; a package with syntax errors is not type-checked,
 * as gc stops after parsing. A fault inside the checker is caught per package and reported as an
 * internal error, so one bug does not hide every other result.
 */
public final class Session {
    /** One diagnostic, resolved to file:line:col. */
    public record Diagnostic(Position pos, String msg, boolean soft) {
        @Override
        public String toString() {
            return pos + ": " + msg;
        }
    }

    /** What checking one package gave: its package object (null if it could not be checked) and errors. */
    public record Result(LoadedPackage source, Package pkg, List<Diagnostic> errors, String internalError) {
        public boolean ok() {
            return errors.isEmpty() && internalError == null;
        }
    }

    private final FileSet fset;
    private final Map<String, Package> packages = new HashMap<>();
    private final Map<String, Result> results = new HashMap<>();
    private int langMinor = 19;

    public Session() {
        fset = new FileSet();
        packages.put("unsafe", Universe.UNSAFE);
    }

    /**
     * A session that starts with every package base has checked, sharing them rather than checking
     * them again (as builds share gc's export data). Checking an importer changes nothing in base's
     * packages but their lazily filled caches (the instances of their generic types, an instance's
     * methods), and their positions stay valid because this session's FileSet is a fork of base's. Packages this session checks are not seen by base. Settings are copied from base.
     */
    public Session(Session base) {
        synchronized (base) {
            fset = base.fset.fork();
            packages.putAll(base.packages);
            results.putAll(base.results);
            langMinor = base.langMinor;
            checkDependencyBodies = base.checkDependencyBodies;
        }
    }

    public FileSet fileSet() {
        return fset;
    }

    /** The -lang version for root packages: go1.N. */
    public void setLangMinor(int minor) {
        this.langMinor = minor;
    }

    /** Checks every package of g in order; returns the results of all of them, roots last. */
    public synchronized List<Result> check(PackageGraph g) {
        List<Result> out = new ArrayList<>();
        java.util.Set<String> roots = new java.util.HashSet<>();
        for (LoadedPackage r : g.roots()) {
            roots.add(r.importPath());
        }
        for (LoadedPackage lp : g.packages()) {
            Result r = results.get(lp.importPath());
            if (r == null) {
                boolean root = roots.contains(lp.importPath());
                r = checkOne(lp, root ? langMinor : 19, !root && !checkDependencyBodies);
                results.put(lp.importPath(), r);
            }
            out.add(r);
        }
        return out;
    }

    /** Whether packages that are only imported get their function bodies checked too. */
    private boolean checkDependencyBodies;

    public void setCheckDependencyBodies(boolean check) {
        this.checkDependencyBodies = check;
    }

    /**
     * Diagnostics glassgo's parser gives that gc reports from its type checker instead, so gc
     * goes on to type-check the package: checking continues after them too.
     */
    /** syntax.Branches' messages: gc checks branches in its parser but type-checks after them. */
    private static final java.util.regex.Pattern BRANCH_ERRORS = java.util.regex.Pattern.compile(
            "^(goto .* jumps |label .* (not defined|defined and not used|already defined)|break is not in a loop|"
                    + "continue is not in a loop|(break|continue) label not defined|invalid (break|continue) label|"
                    + "fallthrough statement out of place|cannot fallthrough)");

    static boolean reportedByTypeChecker(String msg) {
        return msg.equals("middle index required in 3-index slice") || msg.equals("final index required in 3-index slice")
                || BRANCH_ERRORS.matcher(msg).find();
    }

    private Result checkOne(LoadedPackage lp, int lang, boolean declarationsOnly) {
        if (lp.isUnsafe()) {
            return new Result(lp, Universe.UNSAFE, List.of(), null);
        }
        List<Diagnostic> diags = new ArrayList<>();
        List<File> files = new ArrayList<>();
        for (Path p : lp.goFiles()) {
            byte[] src;
            try {
                src = Files.readAllBytes(p);
            } catch (IOException e) {
                diags.add(new Diagnostic(Position.NONE, "cannot read " + p + ": " + e.getMessage(), false));
                continue;
            }
            File f = Parser.parseFile(fset, p.toString(), src, (pos, msg) -> diags.add(new Diagnostic(pos, msg, false)));
            files.add(f);
        }
        Package pkg = new Package(lp.importPath(), lp.name());
        packages.put(lp.importPath(), pkg);
        if (diags.stream().anyMatch(d -> !reportedByTypeChecker(d.msg()))) {
            pkg.fake = true;
            return new Result(lp, pkg, diags, null);
        }
        Importer importer = path -> {
            String resolved = lp.resolve(path);
            Package p = packages.get(resolved);
            if (p == null) {
                p = packages.get(path);
            }
            return p;
        };
        try {
            Checker c = new Checker(fset, pkg, files, importer);
            c.setLangMinor(lang);
            c.setIgnoreFuncBodies(declarationsOnly);
            for (TypeError e : c.checkFiles()) {
                diags.add(new Diagnostic(fset.position(e.pos()), e.msg(), e.soft()));
            }
            diags.sort(java.util.Comparator.comparing((Diagnostic d) -> d.pos().filename())
                    .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
            return new Result(lp, pkg, diags, null);
        } catch (RuntimeException | StackOverflowError e) {
            pkg.fake = true;
            StackTraceElement[] st = e.getStackTrace();
            String where = st.length > 0 ? " at " + st[0] : "";
            return new Result(lp, pkg, diags, e + where);
        }
    }
}
