// One import of a Go file: go/build's ImportPos entry.
package glassgo.compiler.build;

/**
 * An import path as written in a file and where: the position of the import spec (its name if it
 * has one, else the path literal), which is where the go command reports a bad import.
 */
public record Import(String path, Position pos) {}
