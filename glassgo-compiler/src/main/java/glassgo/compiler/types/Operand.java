package glassgo.compiler.types;

import glassgo.compiler.ast.Expr;
import glassgo.compiler.constant.Value;

/**
 * The result of checking an expression (go/types {@code operand}): what kind of thing it is (mode),
 * its type, and for constants its exact value. Operands are mutable because conversion of untyped
 * values updates them in place, as in go/types.
 */
final class Operand {

    OperandMode mode = OperandMode.INVALID;
    Expr expr;
    /**
     * Where errors about this operand go while expr is null: the x op y that {@code x op= y}
     * computes has no expression of its own (types2 then reports with no position at all).
     */
    int synthPos;
    Type type = Universe.INVALID;
    Value val;
    Builtin.Id builtin;

    boolean invalid() {
        return mode == OperandMode.INVALID;
    }

    void setInvalid() {
        mode = OperandMode.INVALID;
    }

    void set(OperandMode mode, Type type) {
        this.mode = mode;
        this.type = type;
        this.val = null;
    }

    void setConst(Type type, Value val) {
        this.mode = OperandMode.CONSTANT;
        this.type = type;
        this.val = val;
    }

    Operand copy() {
        Operand o = new Operand();
        o.mode = mode;
        o.expr = expr;
        o.synthPos = synthPos;
        o.type = type;
        o.val = val;
        o.builtin = builtin;
        return o;
    }

    boolean isNil() {
        return mode == OperandMode.VALUE && type == Universe.UNTYPED_NIL
                || mode == OperandMode.CONSTANT && type == Universe.UNTYPED_NIL;
    }

    boolean assignableMode() {
        return mode == OperandMode.VARIABLE || mode == OperandMode.MAPINDEX;
    }
}
