// The packages of a build and their import graph, in dependency order (as go build's action graph).
package glassgo.compiler.build;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of loading: the packages named on the command line (roots), every package they need
 * with each package after all of its imports ({@code packages}, the order to compile in), and
 * the errors found, printed in Go's words. A build with errors must not go on.
 */
public record PackageGraph(List<LoadedPackage> roots, List<LoadedPackage> packages, List<PackageError> errors) {

    public PackageGraph {
        roots = List.copyOf(roots);
        packages = List.copyOf(packages);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** All errors, one after the other, as the go command prints them. */
    public String errorText() {
        return errors.stream().map(PackageError::toString).collect(Collectors.joining("\n"));
    }

    public Map<String, LoadedPackage> byImportPath() {
        return packages.stream().collect(Collectors.toUnmodifiableMap(LoadedPackage::importPath, p -> p));
    }
}
