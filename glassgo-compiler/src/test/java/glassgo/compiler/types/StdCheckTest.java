package glassgo.compiler.types;

import static org.assertj.core.api.Assertions.assertThat;

import glassgo.compiler.build.BuildContext;
import glassgo.compiler.build.GoRoot;
import glassgo.compiler.build.PackageGraph;
import glassgo.compiler.build.PackageLoader;
import glassgo.compiler.build.StdList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Go's own standard library must type-check with zero errors, bodies included. */
class StdCheckTest {
    private static List<Session.Result> check(List<String> paths) {
        Optional<Path> goroot = GoRoot.find();
        Assumptions.assumeTrue(goroot.isPresent(), "no GOROOT");
        PackageLoader loader = new PackageLoader(goroot.get(), BuildContext.defaultContext());
        PackageGraph g = loader.loadImports(paths);
        Session s = new Session();
        s.setCheckDependencyBodies(true);
        return s.check(g);
    }

    private static List<String> problems(List<Session.Result> results) {
        return results.stream()
                .flatMap(r -> r.internalError() != null
                        ? java.util.stream.Stream.of(r.source().importPath() + ": internal error: " + r.internalError())
                        : r.errors().stream().map(Session.Diagnostic::toString))
                .toList();
    }

    @Test
    void fmtAndEverythingItImportsCheckCleanly() {
        List<Session.Result> results = check(List.of("fmt", "sort", "strings", "go/ast", "sync/atomic"));
        assertThat(results.size()).isGreaterThan(20);
        assertThat(problems(results)).isEmpty();
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void theWholeStandardLibraryChecksCleanly() throws Exception {
        Path goroot = GoRoot.find().orElseThrow();
        List<String> std = StdList.list(goroot, BuildContext.defaultContext()).stream()
                .filter(p -> !p.equals("embed/internal/embedtest")).toList();
        List<Session.Result> results = check(std);
        assertThat(results.size()).isGreaterThan(200);
        assertThat(problems(results)).isEmpty();
    }
}
