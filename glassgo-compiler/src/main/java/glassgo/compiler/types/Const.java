package glassgo.compiler.types;

import glassgo.compiler.constant.Value;

/** A declared constant with its exact value (go/types {@code Const}). */
public final class Const extends Obj {
    Value val;

    public Const(int pos, Package pkg, String name, Type type, Value val) {
        super(pos, pkg, name, type);
        this.val = val;
    }

    public Value val() {
        return val;
    }
}
