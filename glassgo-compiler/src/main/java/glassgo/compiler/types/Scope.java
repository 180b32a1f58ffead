package glassgo.compiler.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A lexical scope (go/types {@code Scope}): the universe, a package, a file, a function, a block.
 * Lookups walk outward through parents; a local name is visible only after its declaration, which
 * {@link #lookupParent(String, int)} honours through the objects' scope positions.
 */
public final class Scope {
    final Scope parent;
    final List<Scope> children = new ArrayList<>();
    final java.util.Map<String, Obj> elems = new LinkedHashMap<>();
    final int pos;
    final int end;
    final String comment;
    final boolean isFunc;

    public Scope(Scope parent, int pos, int end, String comment, boolean isFunc) {
        this.parent = parent;
        this.pos = pos;
        this.end = end;
        this.comment = comment;
        this.isFunc = isFunc;
        if (parent != null && parent != Universe.SCOPE) {
            synchronized (parent) {
                parent.children.add(this);
            }
        }
    }

    public Scope parent() {
        return parent;
    }

    public Obj lookup(String name) {
        return elems.get(name);
    }

    public java.util.Collection<Obj> objects() {
        return elems.values();
    }

    public java.util.Set<String> names() {
        return elems.keySet();
    }

    public List<Scope> children() {
        return children;
    }

    /** Inserts obj unless its name is taken; returns the object already there, or null on success. */
    public Obj insert(Obj obj) {
        Obj alt = elems.get(obj.name);
        if (alt != null) {
            return alt;
        }
        elems.put(obj.name, obj);
        if (obj.parent == null) {
            obj.parent = this;
        }
        return null;
    }

    /** Finds name in this scope or an enclosing one; returns the scope and object, or null. */
    public Obj lookupParent(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Obj o = s.elems.get(name);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    public boolean isFunc() {
        return isFunc;
    }
}
