// A package found and read for a build: the parts of go/build.Package the compiler needs.
package glassgo.compiler.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One package of a build: its import path, directory, package name, the .go files that make up
 * the build (sorted by name, test and excluded files left out), and its imports (sorted and
 * unique, each with the first place it is imported). {@code importMap} maps an import path as
 * written to the package it resolves to when they differ, e.g. {@code golang.org/x/net/idna}
 * to {@code vendor/golang.org/x/net/idna} inside the standard library.
 */
public record LoadedPackage(String importPath, Path dir, String name, List<Path> goFiles, List<Import> imports,
                            Map<String, String> importMap) {

    public LoadedPackage {
        goFiles = List.copyOf(goFiles);
        imports = List.copyOf(imports);
        importMap = Map.copyOf(importMap);
    }

    public LoadedPackage(String importPath, Path dir, String name, List<Path> goFiles, List<Import> imports) {
        this(importPath, dir, name, goFiles, imports, Map.of());
    }

    /** The import path of the package that {@code path}, as written in this package, denotes. */
    public String resolve(String path) {
        return importMap.getOrDefault(path, path);
    }

    /** Whether this is package unsafe, which has no files: the compiler provides it. */
    public boolean isUnsafe() {
        return importPath.equals("unsafe");
    }
}
