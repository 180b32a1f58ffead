// Which files a linux/amd64 build uses: tags, file name suffixes and constraint placement.
package glassgo.compiler.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildContextTest {
    private final BuildContext ctx = BuildContext.defaultContext();

    private boolean builds(String src) throws Exception {
        return ctx.shouldBuild(src.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultContextMatchesLinuxAmd64GcWithoutCgo() {
        assertThat(ctx.matchTag("linux")).isTrue();
        assertThat(ctx.matchTag("amd64")).isTrue();
        assertThat(ctx.matchTag("gc")).isTrue();
        assertThat(ctx.matchTag("unix")).isTrue();
        assertThat(ctx.matchTag("go1.19")).isTrue();
        assertThat(ctx.matchTag("go1.1")).isTrue();
        assertThat(ctx.matchTag("go1.20")).isFalse();
        assertThat(ctx.matchTag("cgo")).isFalse();
        assertThat(ctx.withCgo(true).matchTag("cgo")).isTrue();
        assertThat(ctx.matchTag("goexperiment.regabiargs")).isTrue();
        assertThat(ctx.matchTag("windows")).isFalse();
        assertThat(ctx.matchTag("gccgo")).isFalse();
    }

    @Test
    void tagsFlagAddsBuildTags() {
        assertThat(BuildContext.parseTagsFlag("foo,bar")).containsExactly("foo", "bar");
        assertThat(BuildContext.parseTagsFlag("foo bar")).containsExactly("foo", "bar");
        assertThat(BuildContext.parseTagsFlag("")).isEmpty();
        BuildContext tagged = ctx.withBuildTags(List.of("integration"));
        assertThat(tagged.matchTag("integration")).isTrue();
        assertThat(ctx.matchTag("integration")).isFalse();
    }

    @Test
    void fileNameSuffixesAreConstraintsOnlyForKnownWordsAfterAnUnderscore() {
        assertThat(ctx.goodOSArchFile("file_linux.go")).isTrue();
        assertThat(ctx.goodOSArchFile("file_windows.go")).isFalse();
        assertThat(ctx.goodOSArchFile("file_arm64.go")).isFalse();
        assertThat(ctx.goodOSArchFile("file_linux_amd64.go")).isTrue();
        assertThat(ctx.goodOSArchFile("file_linux_arm.go")).isFalse();
        assertThat(ctx.goodOSArchFile("file_windows_test.go")).isFalse();
        assertThat(ctx.goodOSArchFile("windows.go")).isTrue();
        assertThat(ctx.goodOSArchFile("file_unix.go")).isTrue(); // unix is no GOOS: no constraint
        assertThat(ctx.goodOSArchFile("file_foo_windows.go")).isFalse();
    }

    @Test
    void goBuildLineDecidesAndOverridesPlusBuild() throws Exception {
        assertThat(builds("//go:build windows\n\npackage p\n")).isFalse();
        assertThat(builds("//go:build linux\n// +build windows\n\npackage p\n")).isTrue();
        assertThat(builds("// Copyright\n\n//go:build ignore\n\npackage p\n")).isFalse();
        // A //go:build line after a /* */ comment still counts; after the package clause it does not.
        assertThat(builds("/* doc */\n//go:build ignore\npackage p\n")).isFalse();
        assertThat(builds("package p\n\n//go:build ignore\n")).isTrue();
    }

    @Test
    void plusBuildLinesCountOnlyBeforeABlankLineBeforeThePackageClause() throws Exception {
        assertThat(builds("// +build windows\n\npackage p\n")).isFalse();
        assertThat(builds("// +build windows\npackage p\n")).isTrue();
        assertThat(builds("// +build linux\n// +build 386\n\npackage p\n")).isFalse();
        assertThat(builds("// +build linux darwin\n\npackage p\n")).isTrue();
        assertThat(builds("package p\n\n// +build windows\n\n")).isTrue();
    }

    @Test
    void malformedOrRepeatedGoBuildLinesAreErrors() {
        assertThatThrownBy(() -> builds("//go:build linux\n//go:build amd64\n\npackage p\n"))
                .hasMessage("multiple //go:build comments");
        assertThatThrownBy(() -> builds("//go:build linux &&\n\npackage p\n"))
                .hasMessage("parsing //go:build line: unexpected end of expression");
    }
}
