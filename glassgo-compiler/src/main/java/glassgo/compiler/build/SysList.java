// The operating systems and architectures Go knows, as go/build's syslist.go (Go 1.19).
package glassgo.compiler.build;

import java.util.Set;

/**
 * Known GOOS and GOARCH values. A file name suffix {@code _linux.go}, {@code _arm64.go} or
 * {@code _windows_386.go} is a build constraint only when the words are in these lists; and
 * {@code unix} matches in a constraint for the Unix-like systems listed here.
 */
public final class SysList {
    private SysList() {}

    public static final Set<String> KNOWN_OS = Set.of(
            "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
            "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos");

    public static final Set<String> UNIX_OS = Set.of(
            "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
            "netbsd", "openbsd", "solaris");

    public static final Set<String> KNOWN_ARCH = Set.of(
            "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
            "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64",
            "s390", "s390x", "sparc", "sparc64", "wasm");
}
