package glassgo.compiler.types;

/**
 * How the checker obtains imported packages (go/types {@code Importer}): the driver checks the
 * dependency first and hands back its package, or null when it cannot be loaded (the checker then
 * reports the import as failed, as gc does).
 */
@FunctionalInterface
public interface Importer {
    Package importPackage(String path);
}
