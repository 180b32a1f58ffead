package glassgo.cli;

import glassgo.compiler.build.GoRoot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code glassgo env [VAR...]}: like {@code go env}, the settings glassgo found, one {@code NAME="value"} a line. */
@Command(name = "env", description = "Print glassgo and Go environment information.")
final class EnvCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "VAR", description = "Print only these variables' values.")
    List<String> names = List.of();

    @Override
    public Integer call() {
        Map<String, String> env = collect();
        if (names.isEmpty()) {
            env.forEach((k, v) -> System.out.println(k + "=\"" + v + "\""));
        } else {
            for (String n : names) {
                System.out.println(env.getOrDefault(n, ""));
            }
        }
        return 0;
    }

    static Map<String, String> collect() {
        Map<String, String> env = new LinkedHashMap<>();
        Optional<Path> goroot = GoRoot.find();
        env.put("GOARCH", "amd64");
        env.put("GOOS", "linux");
        env.put("GOROOT", goroot.map(Path::toString).orElse(""));
        env.put("GOVERSION", goroot.flatMap(GoRoot::version).orElse(""));
        env.put("GOMAXPROCS", Optional.ofNullable(System.getenv("GOMAXPROCS"))
                .orElse(String.valueOf(Runtime.getRuntime().availableProcessors())));
        env.put("GOGC", Optional.ofNullable(System.getenv("GOGC")).orElse(""));
        env.put("GODEBUG", Optional.ofNullable(System.getenv("GODEBUG")).orElse(""));
        env.put("CGO_ENABLED", "0");
        env.put("GLASSGO_JDK", System.getProperty("java.home") + " (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ")");
        env.put("GLASSGO_HOME", System.getProperty("glassgo.home", ""));
        if (goroot.isEmpty()) {
            System.err.println("glassgo: " + GoRoot.HOW_TO_GET_ONE);
        }
        return env;
    }
}
