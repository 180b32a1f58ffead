// Executable: the file `glassgo build` writes. Go's linker writes an ELF binary holding the program and its
// runtime; glassgo writes a shell launcher followed by a jar holding the compiled program (its class and the
// descriptors the runtime needs), which starts glassgo's runtime from the installation that built it.
package glassgo.cli;

import glassgo.compiler.codegen.ClassGen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Layout: {@code #!/bin/sh} script, then a zip (the JVM reads a jar whose entries are preceded by other bytes,
 * as self-extracting archives are). The jar holds {@link #PROGRAM} (the serialized {@link ClassGen.Compiled})
 * and the generated class under its own name, for {@code javap}. The script runs the same JDK, JVM flags and
 * glassgo class path as the {@code glassgo} that built it, with the executable itself first on the class path;
 * {@link Exec} loads the program from there.
 */
final class Executable {
    /** The jar entry holding the compiled program. */
    static final String PROGRAM = "glassgo/program.bin";

    private Executable() {}

    static void write(Path out, ClassGen.Compiled c, String source) throws IOException {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(jar)) {
            z.putNextEntry(new ZipEntry(PROGRAM));
            ObjectOutputStream o = new ObjectOutputStream(z);
            o.writeObject(c);
            o.flush();
            z.closeEntry();
            z.putNextEntry(new ZipEntry(c.className().replace('.', '/') + ".class"));
            z.write(c.classBytes());
            z.closeEntry();
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".glassgo-build", "");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            os.write(script(source).getBytes(StandardCharsets.UTF_8));
            jar.writeTo(os);
        }
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The launcher: the running JVM's java binary, flags and glassgo class path, fixed at build time. */
    private static String script(String source) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(quote(javaBin));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the flags glassgo runs programs with (native access, continuations, stack size, GC); not the
            // build's own -D settings or debugging agents
            if (!a.startsWith("-D") && !a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                cmd.add(quote(a));
            }
        }
        String cp = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        cmd.add("-cp");
        cmd.add("\"$0\":" + quote(String.join(java.io.File.pathSeparator, entries)));
        cmd.add(Exec.class.getName());
        cmd.add("\"$@\"");
        return "#!/bin/sh\n"
                + "# " + source.replace('\n', ' ') + ", built by glassgo: a Go program compiled to JVM bytecode (the jar\n"
                + "# appended to this script), run on glassgo's runtime from the installation that built it.\n"
                + "exec " + String.join(" ", cmd) + "\n";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Reads the compiled program back from the executable's jar (on the class path). */
    static ClassGen.Compiled read(ClassLoader from) throws IOException {
        try (InputStream in = from.getResourceAsStream(PROGRAM)) {
            if (in == null) {
                throw new IOException("no compiled Go program (" + PROGRAM + ") on the class path");
            }
            return (ClassGen.Compiled) new ObjectInputStream(in).readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("the compiled Go program was written by another glassgo: " + e.getMessage());
        }
    }
}
