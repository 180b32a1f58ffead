// RunCommand: `glassgo run [build flags] file.go... [args]`: compiles a main package to JVM bytecode and runs
// it on glassgo's runtime (allocator, collector, scheduler). Mirrors `go run` (cmd/go/internal/run).
package glassgo.cli;

import glassgo.compiler.codegen.ClassGen;
import glassgo.compiler.codegen.GoCompiler;
import glassgo.compiler.ir.Ir;
import glassgo.runtime.gc.GcSettings;
import glassgo.runtime.gc.Scavenger;
import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mem.RuntimeFault;
import glassgo.runtime.mem.SysMem;
import glassgo.runtime.mutator.Abi;
import glassgo.runtime.mutator.Globals;
import glassgo.runtime.mutator.GoPanic;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.mutator.MutatorFault;
import glassgo.runtime.mutator.Print;
import glassgo.runtime.mem.AddressSpace;
import glassgo.runtime.sched.FatalError;
import glassgo.runtime.sched.GoRuntime;
import glassgo.runtime.sched.GoroutinePanic;
import glassgo.runtime.stack.FrameLayout;
import glassgo.runtime.stack.Stack;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * Exit status as {@code go run}'s: 0, 1 for compile errors, 2 for a Go panic or fatal error (and for a feature
 * glassgo cannot compile yet: {@code glassgo: unsupported: <feature> at file:line:col}), 3 for an internal
 * error. Flags before the first {@code .go} file (e.g. {@code -gcflags=...}) are accepted and ignored;
 * arguments after the files are the program's.
 */
@Command(name = "run", description = "Compile and run a Go program (package main, no imports yet).")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "ARG")
    List<String> args = new ArrayList<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(unmatched);
        all.addAll(args);
        return run(all, System.getenv(), System.err);
    }

    static int run(List<String> argv, Map<String, String> env, PrintStream err) {
        MainPackage pkg;
        try {
            pkg = MainPackage.parse(argv, true);
        } catch (MainPackage.Error e) {
            err.println("glassgo: " + e.getMessage());
            return e.getMessage().startsWith("no go files") ? Main.EXIT_USAGE : 1;
        } catch (IOException e) {
            err.println("glassgo: " + e.getMessage());
            return 1;
        }
        Compilation c = compile(pkg.files(), err);
        return c.code() == null ? c.status() : execute(c.code(), env, err);
    }

    /** A compiled main package, or (code null) the exit status of a failed compile: 1 errors, 2 unsupported, 3 internal. */
    record Compilation(ClassGen.Compiled code, int status) {}

    /** Compiles the main package's files, printing what go build prints when that fails. */
    static Compilation compile(List<Path> files, PrintStream err) {
        GoCompiler.Result r;
        try {
            r = GoCompiler.compile(files);
        } catch (IOException e) {
            err.println("glassgo: " + e.getMessage());
            return new Compilation(null, 1);
        } catch (RuntimeException | StackOverflowError e) {
            // a compiler bug: one line, never a Java stack trace
            StackTraceElement[] st = e.getStackTrace();
            err.println("glassgo: internal error: compiling: " + e + (st.length > 0 ? " at " + st[0] : ""));
            return new Compilation(null, Main.EXIT_INTERNAL);
        }
        if (!r.errors().isEmpty()) {
            err.println("# command-line-arguments");
            for (GoCompiler.Diagnostic d : r.errors()) {
                err.println(d);
            }
            return new Compilation(null, 1);
        }
        if (r.unsupported() != null) {
            GoCompiler.Diagnostic d = r.unsupported();
            err.println("glassgo: unsupported: " + d.msg() + (d.pos().isValid()
                    ? " at " + d.pos().filename() + ":" + d.pos().line() + ":" + d.pos().column() : ""));
            return new Compilation(null, 2);
        }
        return new Compilation(r.compiled(), 0);
    }

    /** Loads the compiled package and runs go$entry as goroutine 1 with a collector attached, as go run does. */
    static int execute(ClassGen.Compiled c, Map<String, String> env, PrintStream err) {
        return execute(c, env, err, true);
    }

    /**
     * {@code goRun}: also print go run's {@code exit status N} line after a panic (a built executable, like a
     * binary go build wrote, does not).
     */
    static int execute(ClassGen.Compiled c, Map<String, String> env, PrintStream err, boolean goRun) {
        int procs = gomaxprocs(env);
        Mutator mu = Mutator.create(new Mutator.Config(procs, AddressSpace.DEFAULT_CAP, 0));
        ClassicCollector gc = ClassicCollector.attach(mu, GcSettings.fromEnv(env), err);
        GoType[] types = c.types().stream().map(RunCommand::goType).toArray(GoType[]::new);
        FrameLayout[] layouts = new FrameLayout[c.layouts().size()];
        for (int k = 0; k < layouts.length; k++) {
            Ir.FrameLayout l = c.layouts().get(k);
            layouts[k] = FrameLayout.register(l.func(), l.size(), l.ptrOffsets(), l.zeroOffsets());
        }
        long data = 0;
        if (c.data().length > 0) {
            data = SysMem.sysAlloc((c.data().length + SysMem.PHYS_PAGE_SIZE - 1) & -SysMem.PHYS_PAGE_SIZE);
            MemorySegment.copy(MemorySegment.ofArray(c.data()), 0, MemorySegment.ofAddress(data).reinterpret(c.data().length), 0, c.data().length);
        }
        Abi.install(mu, types, layouts, data);
        GoType globalsType = goType(c.globals());
        MethodHandle entry;
        try {
            Class<?> cls = new ProgramLoader(RunCommand.class.getClassLoader()).define(c.className(), c.classBytes());
            entry = MethodHandles.lookup().findStatic(cls, c.entry(), MethodType.methodType(void.class, Stack.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            err.println("glassgo: internal error: loading the compiled program: " + e);
            return Main.EXIT_INTERNAL;
        }
        // Go's bgscavenge: returns free pages to the OS toward the goals the pacer sets after each cycle
        Scavenger scavenger = new Scavenger(mu.heap(), gc.pacer(), procs).start();
        gc.onCycleEnd(scavenger);
        try {
            mu.run(g -> {
                Globals root = mu.globals("main (package variables)", 1);
                root.set(0, mu.alloc(globalsType));
                Abi.setGlobals(root.get(0));
                try {
                    entry.invokeExact(g.stack());
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            });
            Print.flush();
            return 0;
        } catch (GoroutinePanic gp) {
            Print.flush();
            Throwable cause = gp.getCause();
            if (cause instanceof GoPanic p) {
                err.print(p.report(gp.goid(), List.of("main.main")));
                if (goRun) {
                    err.println("exit status 2");
                }
                return 2;
            }
            if (cause instanceof Stack.StackOverflow so) {
                err.println(so.getMessage());
                return 2;
            }
            if (cause instanceof StackOverflowError && System.getenv("GLASSGO_DEBUG") != null) {
                cause.printStackTrace(err);
            }
            if (cause instanceof StackOverflowError) {
                err.println("runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow");
                return 2;
            }
            if (cause instanceof RuntimeFault rf) {
                err.print(rf.goText());
                return 2;
            }
            if (cause instanceof MutatorFault mf) {
                err.print(mf.goText());
                return 2;
            }
            if (cause instanceof FatalError fe) {
                err.print(fe.report());
                return 2;
            }
            StackTraceElement[] st = cause == null ? new StackTraceElement[0] : cause.getStackTrace();
            err.println("glassgo: internal error: " + cause + (st.length > 0 ? " at " + st[0] : ""));
            if (cause != null && System.getenv("GLASSGO_DEBUG") != null) {
                cause.printStackTrace(err);
            }
            return Main.EXIT_INTERNAL;
        } catch (FatalError fe) {
            Print.flush();
            err.print(fe.report());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_INTERNAL;
        } finally {
            scavenger.close();
        }
    }

    /** GOMAXPROCS from the program's environment (Go's schedinit), else the CPU count. */
    static int gomaxprocs(Map<String, String> env) {
        return GoRuntime.gomaxprocs(env.get("GOMAXPROCS"));
    }

    static GoType goType(Ir.TypeDesc d) {
        return d.ptrWords().length == 0 ? GoType.noscan(d.name(), d.size()) : GoType.withPointers(d.name(), d.size(), d.ptrWords());
    }

    /** One class loader per program: the generated class sees glassgo's runtime and nothing else of the CLI's. */
    private static final class ProgramLoader extends ClassLoader {
        ProgramLoader(ClassLoader parent) {
            super("glassgo-program", parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
