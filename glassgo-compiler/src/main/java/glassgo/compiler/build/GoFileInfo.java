// What a Go file's header says about the package: go/build's fileInfo, filled by readGoInfo.
package glassgo.compiler.build;

import java.nio.file.Path;
import java.util.List;

/**
 * The package clause and imports of one .go file, read without parsing the rest of it. A file
 * with a malformed header has {@code error} set ({@code file:line:col: message}) and whatever was
 * read before the error.
 */
public record GoFileInfo(Path file, String packageName, List<Import> imports, String error) {
    public GoFileInfo {
        imports = List.copyOf(imports);
    }

    /** Whether the file uses cgo ({@code import "C"}). */
    public boolean importsC() {
        return imports.stream().anyMatch(i -> i.path().equals("C"));
    }
}
