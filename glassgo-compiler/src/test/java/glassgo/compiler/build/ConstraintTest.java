// Parsing and evaluating //go:build and // +build lines, as go/build/constraint does.
package glassgo.compiler.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstraintTest {
    private static boolean eval(String line, String... tags) throws Exception {
        Set<String> set = Set.of(tags);
        return Constraint.parse(line).eval(set::contains);
    }

    @Test
    void goBuildExpressionsFollowPrecedenceAndParentheses() throws Exception {
        assertThat(eval("//go:build linux && amd64", "linux", "amd64")).isTrue();
        assertThat(eval("//go:build linux && amd64", "linux")).isFalse();
        assertThat(eval("//go:build a || b && c", "a")).isTrue();
        assertThat(eval("//go:build (a || b) && c", "a")).isFalse();
        assertThat(eval("//go:build !windows", "linux")).isTrue();
        assertThat(eval("//go:build !(a || b)", "b")).isFalse();
        assertThat(eval("//go:build go1.18 && !go1.20", "go1.18", "go1.19")).isTrue();
        assertThat(Constraint.parse("//go:build (a || b) && !c").toString()).isEqualTo("(a || b) && !c");
    }

    @Test
    void badGoBuildExpressionsReportGoMessages() {
        assertThatThrownBy(() -> Constraint.parse("//go:build a &&")).hasMessage("unexpected end of expression");
        assertThatThrownBy(() -> Constraint.parse("//go:build !!a")).hasMessage("double negation not allowed");
        assertThatThrownBy(() -> Constraint.parse("//go:build (a")).hasMessage("missing close paren");
        assertThatThrownBy(() -> Constraint.parse("//go:build a b")).hasMessage("unexpected token b");
        assertThatThrownBy(() -> Constraint.parse("//go:build a & b")).hasMessage("invalid syntax at &");
        assertThatThrownBy(() -> Constraint.parse("//go:build a,b")).hasMessage("invalid syntax at ,");
    }

    @Test
    void plusBuildLinesAreOrsOfCommaAnds() throws Exception {
        assertThat(eval("// +build linux,amd64 darwin", "darwin")).isTrue();
        assertThat(eval("// +build linux,amd64 darwin", "linux")).isFalse();
        assertThat(eval("// +build !windows,!plan9", "linux")).isTrue();
        // A bad term becomes the tag "ignore" instead of an error.
        assertThat(eval("// +build !!linux", "linux")).isFalse();
        assertThat(eval("// +build a-b", "a-b")).isFalse();
        assertThat(eval("// +build", "ignore")).isTrue();
    }

    @Test
    void onlyExactKeywordsMakeConstraintLines() {
        assertThat(Constraint.isGoBuild("//go:build linux")).isTrue();
        assertThat(Constraint.isGoBuild("//go:buildlinux")).isFalse();
        assertThat(Constraint.isGoBuild("// go:build linux")).isFalse();
        assertThat(Constraint.isPlusBuild("// +build linux")).isTrue();
        assertThat(Constraint.isPlusBuild("//+build linux")).isTrue();
        assertThat(Constraint.isPlusBuild("// +buildlinux")).isFalse();
    }
}
