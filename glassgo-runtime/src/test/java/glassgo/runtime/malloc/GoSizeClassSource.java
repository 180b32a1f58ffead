// GoSizeClassSource: reads Go 1.19's own runtime/sizeclasses.go, the oracle for the size-class tests.
package glassgo.runtime.malloc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The arrays and the comment table of the installed Go 1.19 sizeclasses.go. */
final class GoSizeClassSource {
    static final Path FILE = Path.of("/usr/share/go-1.19/src/runtime/sizeclasses.go");

    final String text;

    GoSizeClassSource() throws IOException {
        text = Files.readString(FILE);
    }

    static boolean available() {
        return Files.isReadable(FILE);
    }

    /** The numbers of {@code var name = [...]T{...}}. */
    long[] array(String name) {
        Matcher m = Pattern.compile("var " + name + " = \\[[^\\]]*\\]\\w+\\{([^}]*)\\}").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no array " + name + " in " + FILE);
        }
        return Arrays.stream(m.group(1).split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }

    /** Rows of the leading comment table: class, bytes/obj, bytes/span, objects, tail waste, min align. */
    List<long[]> tableRows() {
        List<long[]> rows = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^//\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+[\\d.]+%\\s+(\\d+)$")
                .matcher(text);
        while (m.find()) {
            long[] r = new long[6];
            for (int i = 0; i < 6; i++) {
                r[i] = Long.parseLong(m.group(i + 1));
            }
            rows.add(r);
        }
        return rows;
    }
}
