// Tests of the fuzz target's mutator: reproducible, and producing both broken and well-formed Go.
package glassgo.compiler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Parser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MutatorTest {
    private static final List<byte[]> CORPUS = List.of(
            """
            package p

            import "fmt"

            type T struct{ x int; s string }

            func (t T) M(n int) string { return fmt.Sprint(t.x + n, t.s) }

            var v = T{1, "a"}

            const c = 3
            """.getBytes(StandardCharsets.UTF_8),
            """
            package q

            func f(a []int, m map[string]bool) (int, error) {
            	for i := range a {
            		if m["k"] {
            			return i, nil
            		}
            	}
            	return 0, nil
            }
            """.getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameSeedGivesTheSameMutants() {
        Mutator m = new Mutator(CORPUS);
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 0; i < 200; i++) {
            assertThat(m.next(a)).isEqualTo(m.next(b));
        }
    }

    @Test
    void mutantsAreChangedAndManyStillParseSoTheCheckerSeesThem() {
        Mutator m = new Mutator(CORPUS);
        Random rnd = new Random(7);
        int changed = 0;
        int parse = 0;
        for (int i = 0; i < 500; i++) {
            byte[] mutant = m.next(rnd);
            if (CORPUS.stream().noneMatch(c -> Arrays.equals(c, mutant))) {
                changed++;
            }
            List<String> errors = new ArrayList<>();
            Parser.parseFile(new FileSet(), "m.go", mutant, (p, msg) -> errors.add(msg));
            if (errors.isEmpty()) {
                parse++;
            }
        }
        assertThat(changed).isGreaterThan(400);
        assertThat(parse).isBetween(100, 490);
    }
}
