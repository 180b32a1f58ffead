package glassgo.compiler.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the Go programs under src/test/go/types: every line annotated {@code // ERROR "regexp"}
 * must get a diagnostic that matches, and no other line may get one (the rules of Go's own
 * errorcheck tests).
 */
class GoProgramsTest {
    private static final Path DIR = Path.of("src/test/go/types");
    private static final Pattern ERROR = Pattern.compile("// ERROR \"((?:[^\"\\\\]|\\\\.)*)\"");

    static Stream<Path> programs() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".go")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("programs")
    void diagnosticsMatchTheAnnotations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString();
        List<String> diags = CheckerTestSupport.check(name, String.join("\n", lines) + "\n");
        List<String> problems = new ArrayList<>();
        List<String> unclaimed = new ArrayList<>(diags);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ERROR.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            Pattern want = Pattern.compile(m.group(1).replace("\\\\", "\\"));
            String prefix = name + ":" + (i + 1) + ":";
            List<String> onLine = unclaimed.stream().filter(d -> d.startsWith(prefix)).toList();
            if (onLine.stream().noneMatch(d -> want.matcher(d.substring(d.indexOf(' ') + 1)).find())) {
                problems.add("line " + (i + 1) + ": no diagnostic matching " + want + " in " + onLine);
            }
            unclaimed.removeAll(onLine);
        }
        for (String d : unclaimed) {
            problems.add("unexpected: " + d);
        }
        assertThat(problems).as(name).isEmpty();
    }
}
