// Compares StdList and PackageLoader with `go list std` for linux/amd64 without cgo.
package glassgo.compiler.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StdListTest {
    private static final Map<String, String> NO_CGO = Map.of("CGO_ENABLED", "0");

    @Test
    void stdListIsGoListStdWithTheSameNamesFilesAndResolvedImports() throws Exception {
        GoTool.assumeInstalled();
        Path goroot = GoTool.goroot();
        GoTool.Result r = GoTool.run(Path.of("."), NO_CGO, List.of("list", "-f",
                "{{.ImportPath}}|{{.Name}}|{{join .GoFiles \",\"}}|{{join .Imports \",\"}}", "std"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        Map<String, String> expected = new LinkedHashMap<>();
        r.stdout().lines().forEach(l -> expected.put(l.substring(0, l.indexOf('|')), l));

        PackageLoader loader = new PackageLoader(goroot, BuildContext.defaultContext());
        List<String> mine = new ArrayList<>();
        for (DirScan scan : StdList.scan(goroot, BuildContext.defaultContext())) {
            String path = StdList.importPath(goroot, scan.dir());
            List<String> imports = List.of();
            if (!scan.goFiles().isEmpty()) {
                PackageGraph g = loader.loadImports(List.of(path));
                assertThat(g.errorText()).as(path).isEmpty();
                LoadedPackage p = g.roots().getFirst();
                // go list sorts Imports by the path as written, then shows where each resolves.
                imports = p.imports().stream().map(i -> p.resolve(i.path())).toList();
            }
            mine.add(path + "|" + scan.name() + "|" + String.join(",", scan.goFiles()) + "|" + String.join(",", imports));
        }
        // Same packages in the same order, and for each the same name, files and imports.
        assertThat(StdList.list(goroot, BuildContext.defaultContext())).containsExactlyElementsOf(expected.keySet());
        assertThat(mine).containsExactlyElementsOf(expected.values());
    }

    /** Other contexts exercise other constraints: cgo files, and tags from a -tags flag. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1,''", "0,'netgo,osusergo,purego,math_big_pure_go'"})
    void otherContextsSelectTheSameFilesAsGoList(String cgo, String tags) throws Exception {
        GoTool.assumeInstalled();
        Path goroot = GoTool.goroot();
        GoTool.Result r = GoTool.run(Path.of("."), Map.of("CGO_ENABLED", cgo), List.of("list", "-tags", tags, "-f",
                "{{.ImportPath}}|{{.Name}}|{{join .GoFiles \",\"}}|{{join .CgoFiles \",\"}}", "std"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        BuildContext ctx = BuildContext.defaultContext().withCgo(cgo.equals("1"))
                .withBuildTags(BuildContext.parseTagsFlag(tags));
        List<String> mine = StdList.scan(goroot, ctx).stream()
                .map(s -> StdList.importPath(goroot, s.dir()) + "|" + s.name() + "|" + String.join(",", s.goFiles())
                        + "|" + String.join(",", s.cgoFiles()))
                .toList();
        assertThat(mine).containsExactlyElementsOf(r.stdout().lines().toList());
    }

    @Test
    void stdListWithoutGoContainsTheCorePackagesAndNoCommands() throws Exception {
        Path goroot = GoRoot.find().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(goroot != null, GoRoot.HOW_TO_GET_ONE);
        List<String> std = StdList.list(goroot, BuildContext.defaultContext());
        assertThat(std).contains("fmt", "runtime", "unsafe", "internal/cpu", "vendor/golang.org/x/net/idna");
        assertThat(std).noneMatch(p -> p.startsWith("cmd/") || List.of(p.split("/")).contains("testdata"));
        // Like go list std: no documentation-only builtin, and no runtime/cgo without cgo.
        assertThat(std).doesNotContain("builtin", "runtime/cgo");
    }
}
