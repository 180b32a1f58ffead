// PackageLoader against the go command: dependency order, vendoring, and every load error's wording.
package glassgo.compiler.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a GOROOT in a temporary directory: the real standard library (symlinked) plus small
 * packages that break the rules (a cycle, constraint-excluded files, no files, a program). The
 * same command lines then go to glassgo's loader and, when Go 1.19 is installed, to the real
 * {@code go build}/{@code go list} running on that GOROOT; their outputs must be identical.
 */
class PackageLoaderTest {
    static final Path REAL_GOROOT = Path.of("/usr/lib/go-1.19");

    @TempDir
    static Path tmp;
    static Path goroot;
    static Path work;

    @BeforeAll
    static void makeGoroot() throws IOException {
        Path real = GoRoot.find().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(real != null, GoRoot.HOW_TO_GET_ONE);
        goroot = tmp.resolve("goroot");
        Path src = goroot.resolve("src");
        Files.createDirectories(src);
        // The toolchain (for the oracle) and the real standard library, by symlink.
        if (Files.isDirectory(REAL_GOROOT)) {
            for (String e : List.of("bin", "pkg", "VERSION")) {
                if (Files.exists(REAL_GOROOT.resolve(e))) {
                    Files.createSymbolicLink(goroot.resolve(e), REAL_GOROOT.resolve(e));
                }
            }
        }
        try (Stream<Path> s = Files.list(real.resolve("src"))) {
            for (Path p : s.toList()) {
                Files.createSymbolicLink(src.resolve(p.getFileName()), p.toRealPath());
            }
        }
        write(src.resolve("cyca/a.go"), "package cyca\n\nimport \"cycb\"\n\nvar X = cycb.Y\n");
        write(src.resolve("cycb/b.go"), "package cycb\n\nimport (\n\t\"fmt\"\n\t\"cyca\"\n)\n\nvar Y = 1\nvar _ = fmt.Sprint\nvar _ = cyca.X\n");
        write(src.resolve("emptyp/x.go"), "//go:build ignore\n\npackage emptyp\n");
        write(src.resolve("nogo/README"), "nothing here\n");
        write(src.resolve("testonly/x_test.go"), "package testonly\n");
        write(src.resolve("prog/main.go"), "package main\n\nfunc main() {}\n");
        work = tmp.resolve("work");
        write(work.resolve("c.go"), "package main\n\nimport \"cyca\"\n\nfunc main() { _ = cyca.X }\n");
        write(work.resolve("e.go"), "package main\n\nimport (\n\t\"emptyp\"\n\t\"nogo\"\n\t\"testonly\"\n)\n\nfunc main() {}\n");
        write(work.resolve("m.go"), "package main\n\nimport (\n\t\"fmt\"\n\tx \"foo/bar\"\n)\n\nfunc main() { fmt.Println(x.Y) }\n");
        write(work.resolve("d.go"), "package main\n\nimport _ \"example.com/mod/pkg\"\n\nfunc main() {}\n");
        write(work.resolve("i.go"), "package main\n\nimport (\n\t_ \"internal/cpu\"\n\t_ \"vendor/golang.org/x/net/dns/dnsmessage\"\n\t_ \"prog\"\n)\n\nfunc main() {}\n");
        write(work.resolve("two/a.go"), "package a\n");
        write(work.resolve("two/b.go"), "package b\n");
        write(work.resolve("t.go"), "package main\n\nimport _ \"testonly\"\n\nfunc main() {}\n");
        write(work.resolve("r.go"), "package main\n\nimport _ \"./a\"\n\nfunc main() {}\n");
        write(work.resolve("ok.go"), "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc main() { fmt.Println(http.StatusOK) }\n");
        write(work.resolve("gen.go"), "//go:build ignore\n\npackage main\n\nimport \"os\"\n\nfunc main() { os.Exit(0) }\n");
        write(work.resolve("cgo/main.go"), "package main\n\n// int f(void);\nimport \"C\"\n\nimport \"os\"\n\nfunc main() { os.Exit(int(C.f())) }\n");
        write(work.resolve("cgo/util.go"), "package main\n\nfunc util() {}\n");
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }

    private static PackageLoader loader() {
        return new PackageLoader(goroot, BuildContext.defaultContext(), work);
    }

    private static GoTool.Result go(String... args) throws Exception {
        GoTool.assumeInstalled();
        return GoTool.run(work, Map.of("GOROOT", goroot.toString(), "CGO_ENABLED", "0",
                "GO_BINARY", goroot.resolve("bin/go").toString()), List.of(args));
    }

    private static String goBuildErrors(String... files) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("build", "-o", tmp.resolve("out").toString()));
        args.addAll(List.of(files));
        GoTool.Result r = go(args.toArray(String[]::new));
        assertThat(r.exit()).as("go build %s fails", args).isNotZero();
        return r.stderr().stripTrailing();
    }

    @Test
    void importCycleIsReportedWithTheChainOfImports() throws Exception {
        PackageGraph g = loader().loadCommandLine(List.of("c.go"));
        assertThat(g.errorText()).isEqualTo("""
                package command-line-arguments
                \timports cyca
                \timports cycb
                \timports cyca: import cycle not allowed""");
        if (java.nio.file.Files.isExecutable(GoTool.GO)) {
            assertThat(g.errorText()).isEqualTo(goBuildErrors("c.go"));
        }
    }

    @Test
    void missingPackagesAreNotInGoroot() throws Exception {
        PackageGraph g = loader().loadCommandLine(List.of("m.go"));
        assertThat(g.errorText()).isEqualTo("m.go:5:2: package foo/bar is not in GOROOT (" + goroot.resolve("src/foo/bar") + ")");
        if (java.nio.file.Files.isExecutable(GoTool.GO)) {
            assertThat(g.errorText()).isEqualTo(goBuildErrors("m.go"));
            assertThat(loader().loadCommandLine(List.of("d.go")).errorText()).isEqualTo(goBuildErrors("d.go"));
        }
    }

    @Test
    void packagesWithNothingToBuildSayWhy() throws Exception {
        PackageGraph g = loader().loadCommandLine(List.of("e.go"));
        assertThat(g.errorText()).isEqualTo(String.join("\n",
                "package command-line-arguments\n\timports emptyp: build constraints exclude all Go files in " + goroot.resolve("src/emptyp"),
                "package command-line-arguments\n\timports nogo: no Go files in " + goroot.resolve("src/nogo")));
        // A package with only tests loads; building it fails, which shows once loading succeeded.
        assertThat(loader().loadCommandLine(List.of("t.go")).errorText())
                .isEqualTo("go build testonly: no non-test Go files in " + goroot.resolve("src/testonly"));
        if (java.nio.file.Files.isExecutable(GoTool.GO)) {
            assertThat(g.errorText()).isEqualTo(goBuildErrors("e.go"));
            assertThat(loader().loadCommandLine(List.of("t.go")).errorText()).isEqualTo(goBuildErrors("t.go"));
        }
    }

    @Test
    void internalVendoredProgramAndRelativeImportsAreRejected() throws Exception {
        PackageGraph g = loader().loadCommandLine(List.of("i.go"));
        assertThat(g.errorText()).isEqualTo(String.join("\n",
                "package command-line-arguments\n\ti.go:4:2: use of internal package internal/cpu not allowed",
                "i.go:6:2: import \"prog\" is a program, not an importable package",
                "i.go:5:2: use of vendored package not allowed"));
        assertThat(loader().loadCommandLine(List.of("r.go")).errorText())
                .isEqualTo("r.go:3:8: \"./a\" is relative, but relative import paths are not supported in module mode");
        if (java.nio.file.Files.isExecutable(GoTool.GO)) {
            assertThat(g.errorText()).isEqualTo(goBuildErrors("i.go"));
            assertThat(loader().loadCommandLine(List.of("r.go")).errorText()).isEqualTo(goBuildErrors("r.go"));
        }
    }

    @Test
    void dependencyOrderIsGoListDeps() throws Exception {
        PackageGraph g = loader().loadCommandLine(List.of("ok.go"));
        assertThat(g.errorText()).isEmpty();
        List<String> order = g.packages().stream().map(LoadedPackage::importPath).toList();
        assertThat(order.getLast()).isEqualTo("command-line-arguments");
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        for (LoadedPackage p : g.packages()) {
            for (Import imp : p.imports()) {
                assertThat(index.get(p.resolve(imp.path()))).as("%s imports %s", p.importPath(), imp.path())
                        .isLessThan(index.get(p.importPath()));
            }
        }
        assertThat(order).contains("vendor/golang.org/x/net/http/httpguts", "unsafe");
        if (java.nio.file.Files.isExecutable(GoTool.GO)) {
            GoTool.Result r = go("list", "-deps", "ok.go");
            assertThat(order).containsExactlyElementsOf(r.stdout().lines().toList());
        }
    }

    @Test
    void filesNamedOnTheCommandLineIgnoreBuildConstraints() {
        PackageGraph g = loader().loadCommandLine(List.of("gen.go"));
        assertThat(g.errorText()).isEmpty();
        LoadedPackage root = g.roots().getFirst();
        assertThat(root.importPath()).isEqualTo("command-line-arguments");
        assertThat(root.name()).isEqualTo("main");
        assertThat(root.goFiles()).containsExactly(work.resolve("gen.go"));
    }

    @Test
    void cgoFilesAreLoadedWhenNamedButIgnoredInADirectoryWhileCgoIsOff() {
        PackageGraph named = loader().loadCommandLine(List.of("cgo/util.go", "cgo/main.go"));
        assertThat(named.errorText()).isEmpty();
        assertThat(named.roots().getFirst().goFiles()).containsExactly(work.resolve("cgo/main.go"), work.resolve("cgo/util.go"));
        // Its imports are followed, except "C", which is no package.
        assertThat(named.packages()).extracting(LoadedPackage::importPath).contains("os").doesNotContain("C");
        PackageGraph dir = loader().loadCommandLine(List.of("./cgo"));
        assertThat(dir.errorText()).isEmpty();
        assertThat(dir.roots().getFirst().goFiles()).containsExactly(work.resolve("cgo/util.go"));
    }

    @Test
    void conflictingPackageNamesAreReportedButTheFilesStillLoad() throws Exception {
        PackageGraph g = loader().loadCommandLine(List.of("two/a.go", "two/b.go"));
        assertThat(g.errorText()).isEqualTo("found packages a (a.go) and b (b.go) in " + work.resolve("two"));
        assertThat(g.roots().getFirst().goFiles()).hasSize(2);
        assertThat(g.errors()).allMatch(PackageError::fromSource);
        if (java.nio.file.Files.isExecutable(GoTool.GO)) {
            assertThat(g.errorText()).isEqualTo(goBuildErrors("two/a.go two/b.go".split(" ")));
        }
    }

    @Test
    void stdPackagesResolveVendoredImportsAndUnsafeHasNoFiles() {
        PackageGraph g = new PackageLoader(goroot, BuildContext.defaultContext()).loadImports(List.of("net/http"));
        assertThat(g.errorText()).isEmpty();
        LoadedPackage http = g.roots().getFirst();
        assertThat(http.resolve("golang.org/x/net/idna")).isEqualTo("vendor/golang.org/x/net/idna");
        assertThat(http.resolve("fmt")).isEqualTo("fmt");
        LoadedPackage unsafe = g.byImportPath().get("unsafe");
        assertThat(unsafe.goFiles()).isEmpty();
        assertThat(unsafe.isUnsafe()).isTrue();
    }
}
