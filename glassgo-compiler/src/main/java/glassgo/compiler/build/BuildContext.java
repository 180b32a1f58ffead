// The target and tags a build is for, and which files it uses: go/build.Context (build.go).
package glassgo.compiler.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * GOOS, GOARCH, compiler, cgo and the tags that decide which files of a directory make up a
 * package. glassgo targets linux/amd64 like the gc toolchain, with cgo off (glassgo has no C
 * compiler), release tags go1.1 … go1.19 and the tool tags Go 1.19 sets on amd64
 * ({@code goexperiment.regabiwrappers}, {@code goexperiment.regabiargs}).
 *
 * <p>A file belongs to the build when (go/build's matchFile):
 * <ol>
 *   <li>its name does not start with {@code _} or {@code .};</li>
 *   <li>its {@code _GOOS}, {@code _GOARCH} or {@code _GOOS_GOARCH} name suffix, if any, matches;</li>
 *   <li>its {@code //go:build} line, or else all its {@code // +build} lines, are satisfied;</li>
 *   <li>it is not a {@code _test.go} file (those belong to the test build), and it does not
 *       {@code import "C"} while cgo is off.</li>
 * </ol>
 */
public record BuildContext(String goos, String goarch, String compiler, boolean cgoEnabled,
                           List<String> releaseTags, List<String> toolTags, List<String> buildTags) {

    public BuildContext {
        releaseTags = List.copyOf(releaseTags);
        toolTags = List.copyOf(toolTags);
        buildTags = List.copyOf(buildTags);
    }

    /** linux/amd64, gc, cgo disabled, Go 1.19's release and tool tags, no extra tags. */
    public static BuildContext defaultContext() {
        List<String> release = new ArrayList<>();
        for (int minor = 1; minor <= 19; minor++) {
            release.add("go1." + minor);
        }
        return new BuildContext("linux", "amd64", "gc", false, release,
                List.of("goexperiment.regabiwrappers", "goexperiment.regabiargs"), List.of());
    }

    /** This context with the extra tags of a {@code -tags} flag. */
    public BuildContext withBuildTags(List<String> tags) {
        return new BuildContext(goos, goarch, compiler, cgoEnabled, releaseTags, toolTags, tags);
    }

    public BuildContext withCgo(boolean enabled) {
        return new BuildContext(goos, goarch, compiler, enabled, releaseTags, toolTags, buildTags);
    }

    /**
     * The tags of a {@code -tags} flag value: comma-separated as in Go 1.13+, or space-separated,
     * the older form the go command still accepts when there is no comma.
     */
    public static List<String> parseTagsFlag(String value) {
        List<String> tags = new ArrayList<>();
        String v = value.strip();
        if (v.isEmpty()) {
            return tags;
        }
        for (String t : v.contains(",") ? v.split(",") : v.split("\\s+")) {
            if (!t.strip().isEmpty()) {
                tags.add(t.strip());
            }
        }
        return tags;
    }

    /** go/build's matchTag: is the tag satisfied in this context? */
    public boolean matchTag(String name) {
        if (cgoEnabled && name.equals("cgo")) {
            return true;
        }
        if (name.equals(goos) || name.equals(goarch) || name.equals(compiler)) {
            return true;
        }
        if (goos.equals("android") && name.equals("linux")
                || goos.equals("illumos") && name.equals("solaris")
                || goos.equals("ios") && name.equals("darwin")) {
            return true;
        }
        if (name.equals("unix") && SysList.UNIX_OS.contains(goos)) {
            return true;
        }
        if (name.equals("boringcrypto")) {
            name = "goexperiment.boringcrypto"; // boringcrypto is an old name for the experiment
        }
        return buildTags.contains(name) || toolTags.contains(name) || releaseTags.contains(name);
    }

    /**
     * go/build's goodOSArchFile: a name like {@code x_linux.go}, {@code x_amd64_test.go} or
     * {@code x_windows_386.go} carries an implicit constraint. Only known OS/arch words count,
     * and only after the first {@code _} (so {@code linux.go} has no constraint).
     */
    public boolean goodOSArchFile(String name) {
        int dot = name.indexOf('.');
        if (dot >= 0) {
            name = name.substring(0, dot);
        }
        int us = name.indexOf('_');
        if (us < 0) {
            return true;
        }
        List<String> l = new ArrayList<>(List.of(name.substring(us).split("_", -1)));
        if (!l.isEmpty() && l.getLast().equals("test")) {
            l.removeLast();
        }
        int n = l.size();
        if (n >= 2 && SysList.KNOWN_OS.contains(l.get(n - 2)) && SysList.KNOWN_ARCH.contains(l.get(n - 1))) {
            return matchTag(l.get(n - 1)) && matchTag(l.get(n - 2));
        }
        if (n >= 1 && (SysList.KNOWN_OS.contains(l.get(n - 1)) || SysList.KNOWN_ARCH.contains(l.get(n - 1)))) {
            return matchTag(l.get(n - 1));
        }
        return true;
    }

    /** The result of scanning a file's leading comments (go/build's parseFileHeader). */
    record FileHeader(byte[] trimmed, String goBuild) {}

    /**
     * Finds the leading run of {@code //} comments and blank lines (only the part before the
     * last blank line may hold {@code // +build} lines) and the {@code //go:build} line, which may
     * appear anywhere before the first non-comment text.
     *
     * @throws BuildError "multiple //go:build comments" as go/build reports it
     */
    static FileHeader parseFileHeader(byte[] content) throws BuildError {
        int end = 0;
        int p = 0;
        boolean ended = false;
        boolean inSlashStar = false;
        String goBuild = null;
        lines:
        while (p < content.length) {
            int nl = indexOf(content, (byte) '\n', p);
            int lineEnd = nl < 0 ? content.length : nl;
            String line = new String(content, p, lineEnd - p, StandardCharsets.UTF_8).strip();
            p = nl < 0 ? content.length : nl + 1;
            if (line.isEmpty() && !ended) {
                end = p;
                continue;
            }
            if (!line.startsWith("//")) {
                ended = true;
            }
            if (!inSlashStar && isGoBuildComment(line)) {
                if (goBuild != null) {
                    throw new BuildError("multiple //go:build comments");
                }
                goBuild = line;
            }
            while (!line.isEmpty()) {
                if (inSlashStar) {
                    int i = line.indexOf("*/");
                    if (i < 0) {
                        continue lines;
                    }
                    inSlashStar = false;
                    line = line.substring(i + 2).strip();
                    continue;
                }
                if (line.startsWith("//")) {
                    continue lines;
                }
                if (line.startsWith("/*")) {
                    inSlashStar = true;
                    line = line.substring(2).strip();
                    continue;
                }
                break lines; // non-comment text
            }
        }
        byte[] trimmed = new byte[end];
        System.arraycopy(content, 0, trimmed, 0, end);
        return new FileHeader(trimmed, goBuild);
    }

    private static boolean isGoBuildComment(String line) {
        if (!line.startsWith("//go:build")) {
            return false;
        }
        String rest = line.substring("//go:build".length());
        return rest.isEmpty() || rest.strip().length() < rest.length();
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * go/build's shouldBuild: the {@code //go:build} line decides if there is one; otherwise every
     * {@code // +build} line in the header must be satisfied.
     *
     * @throws BuildError for a malformed //go:build line ("parsing //go:build line: ...")
     */
    public boolean shouldBuild(byte[] content) throws BuildError {
        return shouldBuild(content, new TreeSet<>());
    }

    /** As {@link #shouldBuild(byte[])}, recording every tag consulted in {@code allTags}. */
    public boolean shouldBuild(byte[] content, Set<String> allTags) throws BuildError {
        FileHeader h = parseFileHeader(content);
        if (h.goBuild() != null) {
            try {
                return Constraint.parse(h.goBuild()).eval(t -> record(t, allTags));
            } catch (Constraint.SyntaxError e) {
                throw new BuildError("parsing //go:build line: " + e.getMessage());
            }
        }
        boolean ok = true;
        for (String line : new String(h.trimmed(), StandardCharsets.UTF_8).split("\n")) {
            line = line.strip();
            if (!line.startsWith("//") || !line.contains("+build") || !Constraint.isPlusBuild(line)) {
                continue;
            }
            try {
                if (!Constraint.parse(line).eval(t -> record(t, allTags))) {
                    ok = false;
                }
            } catch (Constraint.SyntaxError cannotHappen) {
                throw new IllegalStateException("build.BuildContext: +build lines always parse", cannotHappen);
            }
        }
        return ok;
    }

    private boolean record(String tag, Set<String> allTags) {
        allTags.add(tag);
        return matchTag(tag);
    }

    /** A problem with one file or package, worded as go/build words it. */
    public static final class BuildError extends Exception {
        public BuildError(String message) {
            super(message);
        }
    }
}
