// GoCompiler: the pipeline for one main package whose files import nothing: parse, type-check, lower to IR,
// generate the JVM class. Mirrors what `go build` asks of cmd/compile for one package.
package glassgo.compiler.codegen;

import glassgo.compiler.ast.File;
import glassgo.compiler.ir.Lower;
import glassgo.compiler.ir.TypeInfo;
import glassgo.compiler.ir.Unsupported;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Parser;
import glassgo.compiler.syntax.Position;
import glassgo.compiler.types.Checker;
import glassgo.compiler.types.Package;
import glassgo.compiler.types.TypeError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Compiles a main package from source files; errors come back as Go-style diagnostics, never exceptions. */
public final class GoCompiler {
    /** A compile error or unsupported feature, printed as {@code file:line:col: message}. */
    public record Diagnostic(Position pos, String msg) {
        @Override
        public String toString() {
            return pos.isValid() ? pos.filename() + ":" + pos.line() + ":" + pos.column() + ": " + msg : msg;
        }
    }

    /** Either compiled code, or the type errors (exit 1), or one unsupported feature (exit 2). */
    public record Result(ClassGen.Compiled compiled, List<Diagnostic> errors, Diagnostic unsupported) {}

    private GoCompiler() {}

    public static Result compile(List<Path> paths) throws IOException {
        FileSet fset = new FileSet();
        List<Diagnostic> errs = new ArrayList<>();
        List<File> files = new ArrayList<>();
        for (Path p : paths) {
            byte[] src = Files.readAllBytes(p);
            files.add(Parser.parseFile(fset, p.toString(), src, (pos, msg) -> errs.add(new Diagnostic(pos, msg))));
        }
        if (!errs.isEmpty()) {
            return new Result(null, sorted(errs), null);
        }
        for (File f : files) {
            if (!f.imports.isEmpty()) {
                return new Result(null, List.of(), new Diagnostic(fset.position(f.imports.get(0).pos()),
                        "imports (only programs that import nothing run yet)"));
            }
        }
        String pkgName = files.isEmpty() ? "main" : files.get(0).name.name;
        Package pkg = new Package(pkgName, pkgName);
        Checker c = new Checker(fset, pkg, files, path -> null);
        for (TypeError e : c.checkFiles()) {
            errs.add(new Diagnostic(fset.position(e.pos()), e.msg())); // soft errors (unused variables) fail a build too
        }
        if (!errs.isEmpty()) {
            return new Result(null, sorted(errs), null);
        }
        if (!pkgName.equals("main")) {
            return new Result(null, List.of(), new Diagnostic(Position.NONE, "package " + pkgName + " is not a main package"));
        }
        try {
            Lower.Program prog = new Lower(new TypeInfo(c.info()), fset, pkg).lower(files);
            return new Result(ClassGen.generate("glassgo.prog.main", prog), List.of(), null);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Code length")) {
                // the JVM caps a method at 64 KiB of bytecode; gc has no such limit
                return new Result(null, List.of(), new Diagnostic(Position.NONE, "a function too large for one JVM method ("
                        + e.getMessage() + ")"));
            }
            throw e;
        } catch (Unsupported u) {
            Position pos = u.pos > 0 ? fset.position(u.pos) : Position.NONE;
            return new Result(null, List.of(), new Diagnostic(pos, u.getMessage()));
        }
    }

    private static List<Diagnostic> sorted(List<Diagnostic> d) {
        d.sort(Comparator.comparing((Diagnostic x) -> x.pos().filename()).thenComparingInt(x -> x.pos().line())
                .thenComparingInt(x -> x.pos().column()));
        return d;
    }
}
