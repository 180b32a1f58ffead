package glassgo.compiler.types;

import java.util.ArrayList;
import java.util.List;

/** A Go package: path, name, scope, imports, and whether it was fully checked (go/types {@code Package}). */
public final class Package {
    final String path;
    String name;
    final Scope scope;
    final List<Package> imports = new ArrayList<>();
    boolean complete;
    boolean fake;

    public Package(String path, String name) {
        this.path = path;
        this.name = name;
        this.scope = new Scope(Universe.SCOPE, -1, -1, "package " + path, false);
    }

    public String path() {
        return path;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Scope scope() {
        return scope;
    }

    public List<Package> imports() {
        return imports;
    }

    public boolean complete() {
        return complete;
    }

    public void markComplete() {
        complete = true;
    }

    @Override
    public String toString() {
        return "package " + name + " (\"" + path + "\")";
    }
}
