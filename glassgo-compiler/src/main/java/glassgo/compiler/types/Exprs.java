package glassgo.compiler.types;

import glassgo.compiler.ast.*;
import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Kind;
import glassgo.compiler.constant.Value;
import glassgo.compiler.syntax.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions (go/types {@code expr.go}, {@code index.go}, {@code conversions.go}): operands,
 * untyped constant arithmetic with exact values and gc's overflow checks, unary and binary
 * operators, shifts, comparisons, selectors with promotion, index and slice expressions, type
 * assertions, composite literals and conversions.
 */
abstract class Exprs extends TypeExprs {
    Exprs(glassgo.compiler.syntax.FileSet fset, Package pkg, Importer importer) {
        super(fset, pkg, importer);
    }

    enum ExprKind { CONVERSION, EXPRESSION, STATEMENT }

    abstract ExprKind call(Operand x, CallExpr e);

    abstract void funcLitBody(Signature sig, BlockStmt body, Scope sigScope);

    /** The untyped 512-bit limit of gc's constant arithmetic. */
    static final int CONST_PREC = 512;

    @Override
    void expr(Operand x, Expr e) {
        rawExpr(x, e, null, false);
        exclude(x, true, true, true);
        singleValue(x);
    }

    /** An expression that may also be a generic function value (not yet instantiated). */
    void genericExpr(Operand x, Expr e) {
        rawExpr(x, e, null, true);
        exclude(x, true, true, true);
        singleValue(x);
    }

    void exprWithHint(Operand x, Expr e, Type hint) {
        rawExpr(x, e, hint, false);
        exclude(x, true, true, true);
        singleValue(x);
    }

    @Override
    void exprOrType(Operand x, Expr e, boolean allowGeneric) {
        rawExpr(x, e, null, allowGeneric);
        exclude(x, true, true, false);
        singleValue(x);
    }

    /** An expression that may be multi-valued (a call returning a tuple); no type or builtin. */
    void multiExpr(Operand x, Expr e) {
        rawExpr(x, e, null, false);
        exclude(x, true, true, true);
    }

    void exclude(Operand x, boolean novalue, boolean builtin, boolean typexpr) {
        String msg = null;
        switch (x.mode) {
            case NOVALUE -> {
                if (novalue) {
                    msg = typexpr ? "%s used as value" : "%s used as value or type";
                }
            }
            case BUILTIN -> {
                if (builtin) {
                    msg = "%s must be called";
                }
            }
            case TYPEXPR -> {
                if (typexpr) {
                    msg = "%s is not an expression";
                }
            }
            default -> { }
        }
        if (msg != null) {
            errorf(x, msg, operandString(x));
            x.setInvalid();
        }
    }

    void singleValue(Operand x) {
        if (x.mode == OperandMode.VALUE && x.type instanceof Tuple t) {
            errorf(x, "multiple-value %s (value of type %s) in single-value context", ExprString.of(x.expr), str(t));
            x.setInvalid();
        }
    }

    /** go/types {@code rawExpr}: checks e, records its type, and tells what kind of expression it was. */
    ExprKind rawExpr(Operand x, Expr e, Type hint, boolean allowGeneric) {
        ExprKind k = exprInternal(x, e, hint);
        if (x.mode != OperandMode.CONSTANT) {
            x.val = null; // only constants carry values
        }
        if (!allowGeneric && x.mode == OperandMode.VALUE && x.type instanceof Signature s && !s.typeParams().isEmpty()) {
            errorf(x, "cannot use generic function %s without instantiation", ExprString.of(e));
            x.setInvalid();
        }
        if (!allowGeneric && x.mode == OperandMode.TYPEXPR && Predicates.isGeneric(x.type)) {
            errorf(x, "cannot use generic type %s without instantiation", str(x.type));
            x.setInvalid();
        }
        x.expr = e;
        record(x);
        return k;
    }

    private ExprKind exprInternal(Operand x, Expr e, Type hint) {
        x.setInvalid();
        x.type = Universe.INVALID;
        x.val = null;
        switch (e) {
            case BadExpr b -> {
                return ExprKind.STATEMENT;
            }
            case Ident id -> {
                ident(x, id, false);
            }
            case Ellipsis el -> {
                error(el.pos(), "invalid use of '...'");
            }
            case BasicLit lit -> {
                basicLit(x, lit);
            }
            case FuncLit fl -> {
                Scope saved = scope;
                Scope fs = new Scope(scope, fl.pos(), fl.end(), "function literal", true);
                scope = fs;
                Signature sig;
                try {
                    sig = funcType(null, null, fl.type);
                } finally {
                    scope = saved;
                }
                funcLitBody(sig, fl.body, fs);
                x.set(OperandMode.VALUE, sig);
            }
            case CompositeLit cl -> {
                compositeLit(x, cl, hint);
            }
            case ParenExpr p -> {
                ExprKind k = rawExpr(x, p.x, null, true);
                x.expr = e;
                return k;
            }
            case SelectorExpr sel -> {
                selector(x, sel);
            }
            case IndexExpr ix -> {
                if (indexExpr(x, ix, List.of(ix.index))) {
                    funcInst(x, e, List.of(ix.index));
                }
            }
            case IndexListExpr il -> {
                if (indexExpr(x, il, il.indices)) {
                    funcInst(x, e, il.indices);
                }
            }
            case SliceExpr se -> {
                sliceExpr(x, se);
            }
            case TypeAssertExpr ta -> {
                expr(x, ta.x);
                if (x.invalid()) {
                    return ExprKind.EXPRESSION;
                }
                if (x.type instanceof TypeParam) {
                    errorf(x, "invalid operation: cannot use type assertion on type parameter value %s", operandString(x));
                    x.setInvalid();
                    return ExprKind.EXPRESSION;
                }
                if (!(x.type.underlying() instanceof Interface xi)) {
                    errorf(x, "invalid operation: %s is not an interface", operandString(x));
                    x.setInvalid();
                    return ExprKind.EXPRESSION;
                }
                if (ta.type == null) {
                    error(ta.pos(), "invalid syntax tree: use of .(type) outside type switch");
                    x.setInvalid();
                    return ExprKind.EXPRESSION;
                }
                Type t = typExpr(ta.type);
                if (t == Universe.INVALID) {
                    x.setInvalid();
                    return ExprKind.EXPRESSION;
                }
                typeAssertion(ta, x, xi, t, false);
                x.mode = OperandMode.COMMAOK;
                x.type = t;
            }
            case CallExpr c -> {
                return call(x, c);
            }
            case StarExpr s -> {
                exprOrType(x, s.x, false);
                switch (x.mode) {
                    case INVALID -> { }
                    case TYPEXPR -> x.type = new Pointer(x.type);
                    default -> {
                        if (x.type == Universe.UNTYPED_NIL) {
                            errorf(x, "invalid operation: cannot indirect %s", operandString(x));
                            x.setInvalid();
                        } else if (Predicates.coreType(x.type) instanceof Pointer p) {
                            x.set(OperandMode.VARIABLE, p.elem());
                        } else {
                            errorf(x, "invalid operation: cannot indirect %s", operandString(x));
                            x.setInvalid();
                        }
                    }
                }
            }
            case UnaryExpr u -> {
                if (u.op == Token.ARROW || u.op == Token.AND) {
                    rawExpr(x, u.x, null, false);
                    exclude(x, true, true, true);
                    singleValue(x);
                } else {
                    expr(x, u.x);
                }
                if (x.invalid()) {
                    return ExprKind.EXPRESSION;
                }
                unary(x, u);
                if (x.invalid()) {
                    return ExprKind.EXPRESSION;
                }
                if (u.op == Token.ARROW) {
                    x.expr = e;
                    return ExprKind.STATEMENT;
                }
            }
            case BinaryExpr b -> {
                binary(x, b, b.x, b.y, b.op, b.opPos);
            }
            case KeyValueExpr kv -> {
                error(kv.pos(), "no key:value expected");
            }
            case ArrayType at -> typeExprOperand(x, e);
            case StructType st -> typeExprOperand(x, e);
            case FuncType ft -> typeExprOperand(x, e);
            case InterfaceType it -> typeExprOperand(x, e);
            case MapType mt -> typeExprOperand(x, e);
            case ChanType ct -> typeExprOperand(x, e);
        }
        x.expr = e;
        return ExprKind.EXPRESSION;
    }

    private void typeExprOperand(Operand x, Expr e) {
        x.mode = OperandMode.TYPEXPR;
        x.type = typExpr(e);
    }

    private void basicLit(Operand x, BasicLit lit) {
        Type t = switch (lit.kind) {
            case INT -> Universe.UNTYPED_INT;
            case FLOAT -> Universe.UNTYPED_FLOAT;
            case IMAG -> Universe.UNTYPED_COMPLEX;
            case CHAR -> Universe.UNTYPED_RUNE;
            case STRING -> Universe.UNTYPED_STRING;
            default -> Universe.INVALID;
        };
        // Literals this long (e.g. 1e1000000) are malformed in gc too; avoid huge exact values.
        if ((lit.kind == Token.INT || lit.kind == Token.FLOAT || lit.kind == Token.IMAG) && lit.value.length() > 10000) {
            errorf(lit.pos(), "excessively long constant: %s... (%d chars)", lit.value.substring(0, 10), lit.value.length());
            return;
        }
        Value v = Constant.makeFromLiteral(lit.value, lit.kind);
        if (v.kind() == Kind.UNKNOWN) {
            errorf(lit.pos(), "malformed constant: %s", lit.value);
            return;
        }
        x.setConst(t, v);
    }

    // ---- unary and binary operators

    void unary(Operand x, UnaryExpr e) {
        switch (e.op) {
            case AND -> {
                Expr inner = unparen(e.x);
                if (!(inner instanceof CompositeLit) && x.mode != OperandMode.VARIABLE) {
                    errorf(x, "invalid operation: cannot take address of %s", operandString(x));
                    x.setInvalid();
                    return;
                }
                x.set(OperandMode.VALUE, new Pointer(x.type));
                return;
            }
            case ARROW -> {
                Type u = Predicates.coreType(x.type);
                if (u == null) {
                    errorf(x, "invalid operation: cannot receive from %s (no core type)", operandString(x));
                    x.setInvalid();
                    return;
                }
                if (!(u instanceof Chan ch)) {
                    errorf(x, "invalid operation: cannot receive from non-channel %s", operandString(x));
                    x.setInvalid();
                    return;
                }
                if (ch.dir() == Chan.Dir.SEND_ONLY) {
                    errorf(x, "invalid operation: cannot receive from send-only channel %s", operandString(x));
                    x.setInvalid();
                    return;
                }
                x.set(OperandMode.COMMAOK, ch.elem());
                return;
            }
            case TILDE -> {
                error(e.pos(), "cannot use ~ outside of interface or type constraint");
                x.setInvalid();
                return;
            }
            default -> { }
        }
        boolean ok = switch (e.op) {
            case ADD, SUB -> Predicates.isNumeric(x.type);
            case XOR -> Predicates.isInteger(x.type);
            case NOT -> Predicates.isBoolean(x.type);
            default -> false;
        };
        if (!ok) {
            errorf(x, "invalid operation: operator %s not defined on %s", e.op.text(), operandString(x));
            x.setInvalid();
            return;
        }
        if (x.mode == OperandMode.CONSTANT) {
            if (x.val.kind() == Kind.UNKNOWN) {
                return;
            }
            int prec = 0;
            if (Predicates.isUnsigned(x.type)) {
                prec = (int) (Sizes.sizeof(x.type) * 8);
            }
            x.val = Constant.unaryOp(e.op, x.val, prec);
            x.expr = e;
            overflow(x, e.pos());
            return;
        }
        x.mode = OperandMode.VALUE;
    }

    static Expr unparen(Expr e) {
        while (e instanceof ParenExpr p) {
            e = p.x;
        }
        return e;
    }

    /** go/types {@code overflow}: typed constants must be representable, untyped ones stay within 512 bits. */
    void overflow(Operand x, int opPos) {
        if (x.val == null || x.val.kind() == Kind.UNKNOWN) {
            return;
        }
        if (Predicates.isTyped(x.type)) {
            if (x.type.underlying() instanceof Basic b) {
                representable(x, b);
            }
            return;
        }
        if (x.val.kind() == Kind.INT && Constant.bitLen(x.val) > CONST_PREC) {
            errorf(opPos, "constant %s overflow", opName(x.expr));
            x.val = Constant.makeUnknown();
        }
    }

    private static String opName(Expr e) {
        if (e instanceof BinaryExpr b) {
            return switch (b.op) {
                case ADD -> "addition";
                case SUB -> "subtraction";
                case XOR -> "bitwise XOR";
                case MUL -> "multiplication";
                case SHL -> "shift";
                default -> "";
            };
        }
        if (e instanceof UnaryExpr u) {
            return switch (u.op) {
                case SUB -> "negation";
                case XOR -> "bitwise complement";
                default -> "";
            };
        }
        return "";
    }

    private boolean mayConvert(Operand x, Operand y) {
        if (Predicates.isTyped(x.type) && Predicates.isTyped(y.type)) {
            return false;
        }
        if (Predicates.isInterface(x.type) || Predicates.isInterface(y.type)) {
            return true;
        }
        if (Predicates.isBoolean(x.type) != Predicates.isBoolean(y.type)) {
            return false;
        }
        if (Predicates.isString(x.type) != Predicates.isString(y.type)) {
            return false;
        }
        if (x.isNil()) {
            return Predicates.hasNil(y.type);
        }
        if (y.isNil()) {
            return Predicates.hasNil(x.type);
        }
        if (x.type.underlying() instanceof Pointer || y.type.underlying() instanceof Pointer) {
            return false;
        }
        return true;
    }

    void matchTypes(Operand x, Operand y) {
        if (mayConvert(x, y)) {
            convertUntyped(x, y.type);
            if (x.invalid()) {
                return;
            }
            convertUntyped(y, x.type);
            if (y.invalid()) {
                x.setInvalid();
            }
        }
    }

    void binary(Operand x, Expr e, Expr lhs, Expr rhs, Token op, int opPos) {
        Operand y = new Operand();
        expr(x, lhs);
        expr(y, rhs);
        if (x.invalid()) {
            return;
        }
        if (y.invalid()) {
            x.setInvalid();
            x.expr = y.expr;
            return;
        }
        if (op == Token.SHL || op == Token.SHR) {
            shift(x, y, e, op);
            return;
        }
        matchTypes(x, y);
        if (x.invalid()) {
            return;
        }
        if (isComparison(op)) {
            comparison(x, y, op, e, false);
            return;
        }
        if (!Predicates.identical(x.type, y.type)) {
            if (x.type != Universe.INVALID && y.type != Universe.INVALID) {
                errorf(lhs.pos(), "invalid operation: %s (mismatched types %s and %s)", e == null ? ExprString.of(lhs) + " " + op.text() + "= " + ExprString.of(rhs) : ExprString.of(e), str(x.type), str(y.type));
            }
            x.setInvalid();
            return;
        }
        boolean ok = switch (op) {
            case ADD -> Predicates.allBasic(x.type, Basic.IS_NUMERIC | Basic.IS_STRING)
                    && (Predicates.isNumeric(x.type) || Predicates.isString(x.type) || numericOrStringSet(x.type));
            case SUB, MUL, QUO -> Predicates.isNumeric(x.type);
            case REM, AND, OR, XOR, AND_NOT -> Predicates.isInteger(x.type);
            case LAND, LOR -> Predicates.isBoolean(x.type);
            default -> false;
        };
        if (!ok) {
            errorf(lhs.pos(), "invalid operation: operator %s not defined on %s", op.text(), operandString(x));
            x.setInvalid();
            return;
        }
        if (op == Token.QUO || op == Token.REM) {
            if ((x.mode == OperandMode.CONSTANT || Predicates.isInteger(x.type)) && y.mode == OperandMode.CONSTANT
                    && y.val.kind() != Kind.UNKNOWN && isZero(y.val)) {
                errorf(y, "invalid operation: division by zero");
                x.setInvalid();
                return;
            }
            if (x.mode == OperandMode.CONSTANT && y.mode == OperandMode.CONSTANT && Predicates.isComplex(x.type)
                    && y.val.kind() != Kind.UNKNOWN && divisorUnderflows(y.val)) {
                // As types2 (issue 20227): |y|^2 may underflow to 0 though y does not.
                errorf(y, "invalid operation: division by zero");
                x.setInvalid();
                return;
            }
        }
        if (x.mode == OperandMode.CONSTANT && y.mode == OperandMode.CONSTANT) {
            if (x.val.kind() == Kind.UNKNOWN || y.val.kind() == Kind.UNKNOWN) {
                x.val = Constant.makeUnknown();
                return;
            }
            Token op2 = op;
            if (op == Token.QUO && Predicates.isInteger(x.type)) {
                op2 = Token.QUO_ASSIGN;
            }
            x.val = Constant.binaryOp(x.val, op2, y.val);
            x.expr = e;
            if (e == null) {
                // x op= y: its overflow is reported at x (gc 1.19 gave no position; found by the fuzzer).
                x.synthPos = syntaxPos(lhs);
            }
            overflow(x, opPos);
            return;
        }
        x.mode = OperandMode.VALUE;
    }

    private static boolean numericOrStringSet(Type t) {
        return Predicates.allBasic(t, Basic.IS_NUMERIC | Basic.IS_STRING);
    }

    /** Whether both re*re and im*im of the divisor are 0, so complex division would divide by 0. */
    private static boolean divisorUnderflows(Value y) {
        Value re = Constant.real(y);
        Value im = Constant.imag(y);
        return Constant.sign(Constant.binaryOp(re, Token.MUL, re)) == 0
                && Constant.sign(Constant.binaryOp(im, Token.MUL, im)) == 0;
    }

    private static boolean isZero(Value v) {
        return switch (v.kind()) {
            case INT, FLOAT -> Constant.sign(v) == 0;
            case COMPLEX -> Constant.sign(Constant.real(v)) == 0 && Constant.sign(Constant.imag(v)) == 0;
            default -> false;
        };
    }

    void shift(Operand x, Operand y, Expr e, Token op) {
        Value xval = null;
        if (x.mode == OperandMode.CONSTANT && x.val.kind().isNumeric()) {
            xval = Constant.toInt(x.val);
        }
        boolean lhsOk = Predicates.isInteger(x.type)
                || Predicates.isUntyped(x.type) && xval != null && xval.kind() == Kind.INT;
        if (!lhsOk) {
            errorf(x, "invalid operation: shifted operand %s must be integer", operandString(x));
            x.setInvalid();
            return;
        }
        Value yval = null;
        if (y.mode == OperandMode.CONSTANT) {
            if (y.val.kind().isNumeric()) {
                yval = Constant.toInt(y.val);
                if (yval.kind() == Kind.INT && Constant.sign(yval) < 0) {
                    errorf(y, "invalid operation: negative shift count %s", operandString(y));
                    x.setInvalid();
                    return;
                }
            }
            if (Predicates.isUntyped(y.type)) {
                representable(y, Universe.UINT);
                if (y.invalid()) {
                    x.setInvalid();
                    return;
                }
            } else if (!Predicates.isInteger(y.type)) {
                errorf(y, "invalid operation: shift count %s must be integer", operandString(y));
                x.setInvalid();
                return;
            }
        } else {
            if (Predicates.isInteger(y.type)) {
                // ok
            } else if (Predicates.isUntyped(y.type)) {
                convertUntyped(y, Universe.UINT);
                if (y.invalid()) {
                    x.setInvalid();
                    return;
                }
            } else {
                errorf(y, "invalid operation: shift count %s must be integer", operandString(y));
                x.setInvalid();
                return;
            }
        }
        if (x.mode == OperandMode.CONSTANT) {
            if (y.mode == OperandMode.CONSTANT) {
                if (x.val.kind() == Kind.UNKNOWN || y.val.kind() == Kind.UNKNOWN) {
                    x.val = Constant.makeUnknown();
                    if (!Predicates.isInteger(x.type)) {
                        x.type = Universe.UNTYPED_INT;
                    }
                    return;
                }
                var s = Constant.uint64Val(yval);
                if (!s.exact() || s.value() < 0 || s.value() > 1023 - 1 + 52) {
                    errorf(y, "invalid operation: invalid shift count %s", operandString(y));
                    x.setInvalid();
                    return;
                }
                if (!Predicates.isInteger(x.type)) {
                    x.type = Universe.UNTYPED_INT;
                }
                x.val = Constant.shift(xval, op, (int) s.value());
                if (e == null) {
                    // x <<= y: no expression of its own, so its overflow is reported at x.
                    x.synthPos = syntaxPos(x.expr);
                }
                int at = e == null ? x.synthPos : syntaxPos(e);
                x.expr = e;
                overflow(x, at);
                return;
            }
            if (Predicates.isUntyped(x.type)) {
                // The lhs takes the type of the context; checked when that type is known.
                pendingShifts.put(x.expr, x.expr);
                x.mode = OperandMode.VALUE;
                x.val = null;
                return;
            }
        }
        if (!Predicates.isInteger(x.type)) {
            errorf(x, "invalid operation: shifted operand %s must be integer", operandString(x));
            x.setInvalid();
            return;
        }
        x.mode = OperandMode.VALUE;
    }

    void comparison(Operand x, Operand y, Token op, Expr e, boolean switchCase) {
        Operand errOp = x;
        String cause = null;
        boolean ok = assignableTo(x, y.type, null) || assignableTo(y, x.type, null);
        if (!ok) {
            errOp = y;
            cause = String.format("mismatched types %s and %s", str(x.type), str(y.type));
        } else {
            switch (op) {
                case EQL, NEQ -> {
                    if (x.isNil() || y.isNil()) {
                        Type t = x.isNil() ? y.type : x.type;
                        if (!Predicates.hasNil(t)) {
                            errOp = y;
                            ok = false;
                        }
                    } else if (!Predicates.comparable(x.type)) {
                        errOp = x;
                        cause = incomparableCause(x.type);
                        ok = false;
                    } else if (!Predicates.comparable(y.type)) {
                        errOp = y;
                        cause = incomparableCause(y.type);
                        ok = false;
                    }
                }
                default -> {
                    if (!Predicates.allOrdered(x.type)) {
                        errOp = x;
                        ok = false;
                    } else if (!Predicates.allOrdered(y.type)) {
                        errOp = y;
                        ok = false;
                    }
                }
            }
        }
        if (ok) {
            if (x.mode == OperandMode.CONSTANT && y.mode == OperandMode.CONSTANT) {
                if (x.val.kind() == Kind.UNKNOWN || y.val.kind() == Kind.UNKNOWN) {
                    x.val = Constant.makeUnknown();
                } else {
                    x.val = Constant.makeBool(Constant.compare(x.val, op, y.val));
                }
            } else {
                x.mode = OperandMode.VALUE;
                x.val = null;
                updateExprType(x.expr, Predicates.defaultType(x.type), true);
                updateExprType(y.expr, Predicates.defaultType(y.type), true);
            }
            x.type = Universe.UNTYPED_BOOL;
            return;
        }
        if (cause == null) {
            if (x.type instanceof TypeParam || y.type instanceof TypeParam) {
                if (!(x.type instanceof TypeParam)) {
                    errOp = y;
                }
                cause = String.format("type parameter %s is not comparable with %s", str(errOp.type), op.text());
            } else {
                cause = String.format("operator %s not defined on %s", op.text(), kindString(errOp.type));
            }
        }
        if (switchCase) {
            errorf(x, "invalid case %s in switch on %s (%s)", ExprString.of(x.expr), ExprString.of(y.expr), cause);
        } else {
            errorf(errOp, "invalid operation: %s %s %s (%s)", ExprString.of(x.expr), op.text(), ExprString.of(y.expr), cause);
        }
        x.setInvalid();
    }

    String kindString(Type t) {
        Type u = t.underlying();
        if (u instanceof Slice) {
            return "slice";
        }
        if (u instanceof Signature) {
            return "func";
        }
        if (u instanceof Map) {
            return "map";
        }
        if (t == Universe.UNTYPED_NIL) {
            return "nil";
        }
        if (t instanceof TypeParam tp) {
            return str(t);
        }
        return str(t);
    }

    String incomparableCause(Type t) {
        Type u = t.underlying();
        if (u instanceof Slice || u instanceof Signature || u instanceof Map) {
            return "slice, map, or func can only be compared to nil".replace("slice, map, or func", kindString(t));
        }
        if (u instanceof Struct s) {
            for (Var f : s.fields()) {
                if (!Predicates.comparable(f.type())) {
                    return String.format("struct containing %s cannot be compared", str(f.type()));
                }
            }
        }
        if (u instanceof Array a) {
            return String.format("%s cannot be compared", str(t));
        }
        return String.format("operator == not defined on %s", str(t));
    }

    // ---- selectors

    void selector(Operand x, SelectorExpr e) {
        String sel = e.sel.name;
        if (e.x instanceof Ident id) {
            Obj o = scope.lookupParent(id.name);
            if (o instanceof PkgName pn) {
                recordUse(id, pn);
                pn.used = true;
                Package p = pn.imported();
                Obj exp = p.scope().lookup(sel);
                // gc sees only exported names of an imported package (its export data).
                if (exp == null || !exp.exported() && p != pkg) {
                    if (!p.fake) {
                        errorf(e.sel.pos(), "undefined: %s.%s", p.name(), sel);
                    }
                    x.setInvalid();
                    return;
                }
                recordUse(e.sel, exp);
                switch (exp) {
                    case Const c -> x.setConst(c.type(), c.val());
                    case TypeName tn -> x.set(OperandMode.TYPEXPR, tn.type());
                    case Var v -> x.set(OperandMode.VARIABLE, v.type());
                    case Func f -> x.set(OperandMode.VALUE, f.type());
                    case Builtin b -> {
                        x.set(OperandMode.BUILTIN, Universe.INVALID);
                        x.builtin = b.id();
                    }
                    default -> x.setInvalid();
                }
                if (x.type == null) {
                    x.setInvalid();
                }
                x.expr = e;
                return;
            }
        }
        exprOrType(x, e.x, false);
        switch (x.mode) {
            case INVALID -> {
                return;
            }
            case BUILTIN -> {
                errorf(e.pos(), "cannot select on %s", operandString(x));
                x.setInvalid();
                return;
            }
            default -> { }
        }
        if (x.type.underlying() == Universe.INVALID && !(x.type instanceof TypeParam)) {
            x.setInvalid();
            return;
        }
        Lookup.Result r = Lookup.lookupFieldOrMethod(x.type, x.mode == OperandMode.VARIABLE, pkg, sel);
        if (r.obj() == null) {
            if (r.ambiguous()) {
                errorf(e.sel.pos(), "ambiguous selector %s", ExprString.of(e));
            } else if (r.indirect()) {
                if (x.mode == OperandMode.TYPEXPR) {
                    errorf(e.sel.pos(), "invalid method expression %s.%s (needs pointer receiver (*%s).%s)",
                            ExprString.of(x.expr), sel, str(x.type), sel);
                } else {
                    errorf(e.sel.pos(), "cannot call pointer method %s on %s", sel, str(x.type));
                }
            } else {
                String why;
                if (x.type instanceof Pointer p && p.elem().underlying() instanceof Interface && !(p.elem() instanceof TypeParam)) {
                    why = String.format("type %s is pointer to interface, not interface", str(x.type));
                } else {
                    why = String.format("type %s has no field or method %s", str(x.type), sel);
                    String alt = otherCase(x.type, sel);
                    if (alt != null) {
                        why += ", but does have " + alt.substring(alt.indexOf(' ') + 1);
                    }
                }
                errorf(e.sel.pos(), "%s.%s undefined (%s)", ExprString.of(x.expr), sel, why);
            }
            x.setInvalid();
            return;
        }
        recordUse(e.sel, r.obj());
        if (r.obj() instanceof Func m && m.pkg() == pkg && m.parent() == null) {
            objDecl(m);
        }
        if (x.mode == OperandMode.TYPEXPR) {
            if (!(r.obj() instanceof Func m)) {
                errorf(e.sel.pos(), "%s.%s undefined (type %s has no method %s)", ExprString.of(x.expr), sel, str(x.type), sel);
                x.setInvalid();
                return;
            }
            Signature sig = (Signature) m.type();
            if (sig == null) {
                x.setInvalid();
                return;
            }
            List<Var> params = new ArrayList<>();
            params.add(new Var(m.pos(), pkg, "", x.type));
            params.addAll(sig.params().vars());
            x.set(OperandMode.VALUE, new Signature(null, List.of(), new Tuple(params), sig.results(), sig.variadic()));
            if (decl != null) {
                decl.deps.add(m);
            }
            return;
        }
        switch (r.obj()) {
            case Var v -> {
                OperandMode m = x.mode == OperandMode.VARIABLE || r.indirect() ? OperandMode.VARIABLE : OperandMode.VALUE;
                x.set(m, v.type());
            }
            case Func f -> {
                Signature sig = (Signature) f.type();
                if (sig == null) {
                    x.setInvalid();
                    return;
                }
                x.set(OperandMode.VALUE, new Signature(null, sig.typeParams(), sig.params(), sig.results(), sig.variadic()));
                if (decl != null) {
                    decl.deps.add(f);
                }
            }
            default -> x.setInvalid();
        }
    }

    /** A field or method whose name differs from sel only in case, as gc suggests. */
    private String otherCase(Type t, String sel) {
        for (String cand : new String[] {
                Character.toUpperCase(sel.charAt(0)) + sel.substring(1),
                Character.toLowerCase(sel.charAt(0)) + sel.substring(1)}) {
            if (cand.equals(sel)) {
                continue;
            }
            Lookup.Result r = Lookup.lookupFieldOrMethod(t, true, pkg, cand);
            if (r.obj() instanceof Var) {
                return "field " + cand;
            }
            if (r.obj() instanceof Func) {
                return "method " + cand;
            }
        }
        return null;
    }

    // ---- index and slice

    /** Returns true if e is a function instantiation that the caller must handle. */
    boolean indexExpr(Operand x, Expr e, List<Expr> indices) {
        Expr base = e instanceof IndexExpr ix ? ix.x : ((IndexListExpr) e).x;
        exprOrType(x, base, true);
        switch (x.mode) {
            case INVALID -> {
                for (Expr i : indices) {
                    use(i);
                }
                return false;
            }
            case TYPEXPR -> {
                x.type = instantiateType(e, x.type, indices);
                x.mode = x.type == Universe.INVALID ? OperandMode.INVALID : OperandMode.TYPEXPR;
                return false;
            }
            case VALUE -> {
                if (x.type instanceof Signature s && !s.typeParams().isEmpty()) {
                    return true;
                }
            }
            default -> { }
        }
        if (indices.size() != 1) {
            errorf(indices.get(1).pos(), "invalid operation: more than one index");
            x.setInvalid();
            return false;
        }
        Expr index = indices.get(0);
        boolean valid = false;
        long length = -1;
        Type u = x.type instanceof TypeParam ? Predicates.coreType(x.type) : x.type.underlying();
        if (x.type instanceof TypeParam && u == null) {
            u = typeParamIndexType(x.type);
        }
        switch (u) {
            case Basic b when b.is(Basic.IS_STRING) -> {
                valid = true;
                if (x.mode == OperandMode.CONSTANT) {
                    length = Constant.stringLen(x.val);
                }
                x.set(OperandMode.VALUE, Universe.BYTE);
            }
            case Array a -> {
                valid = true;
                length = a.len();
                if (x.mode != OperandMode.VARIABLE) {
                    x.mode = OperandMode.VALUE;
                }
                x.type = a.elem();
                x.val = null;
            }
            case Pointer p when p.elem().underlying() instanceof Array a -> {
                valid = true;
                length = a.len();
                x.set(OperandMode.VARIABLE, a.elem());
            }
            case Slice s -> {
                valid = true;
                x.set(OperandMode.VARIABLE, s.elem());
            }
            case Map m -> {
                Operand key = new Operand();
                exprWithHint(key, index, m.key());
                assignment(key, m.key(), "map index");
                x.set(OperandMode.MAPINDEX, m.elem());
                x.expr = e;
                return false;
            }
            case null, default -> { }
        }
        if (!valid) {
            errorf(x, "invalid operation: cannot index %s", operandString(x));
            use(index);
            x.setInvalid();
            return false;
        }
        index(index, length);
        return false;
    }

    /** For a type parameter whose types are all indexable with one element type (e.g. ~string | ~[]byte). */
    private Type typeParamIndexType(Type t) {
        if (!(t instanceof TypeParam tp)) {
            return null;
        }
        TypeSet ts = tp.iface().typeSet();
        if (ts.terms() == null || ts.terms().isEmpty()) {
            return null;
        }
        Type elem = null;
        for (Term term : ts.terms()) {
            Type u = term.type().underlying();
            Type e = switch (u) {
                case Basic b when b.is(Basic.IS_STRING) -> Universe.BYTE;
                case Array a -> a.elem();
                case Slice s -> s.elem();
                case Pointer p when p.elem().underlying() instanceof Array a -> a.elem();
                default -> null;
            };
            if (e == null || elem != null && !Predicates.identical(elem, e)) {
                return null;
            }
            elem = e;
        }
        return new Slice(elem);
    }

    /** go/types {@code index}: checks an index value; returns its constant value or -1. */
    long index(Expr index, long max) {
        Operand x = new Operand();
        expr(x, index);
        if (x.invalid()) {
            return -1;
        }
        if (!isValidIndex(x, "index", false)) {
            return -1;
        }
        if (x.mode != OperandMode.CONSTANT) {
            return -1;
        }
        if (x.val.kind() == Kind.UNKNOWN) {
            return -1;
        }
        var v = Constant.int64Val(Constant.toInt(x.val));
        if (max >= 0 && (!v.exact() || v.value() >= max)) {
            errorf(x, "invalid argument: index %s out of bounds [0:%d]", x.val, max);
            return -1;
        }
        return v.value();
    }

    boolean isValidIndex(Operand x, String what, boolean allowNegative) {
        convertUntyped(x, Universe.INT);
        if (x.invalid()) {
            return false;
        }
        if (!Predicates.isInteger(x.type)) {
            errorf(x, "invalid argument: %s %s must be integer", what, operandString(x));
            return false;
        }
        if (x.mode == OperandMode.CONSTANT && x.val.kind() != Kind.UNKNOWN) {
            if (!allowNegative && Constant.sign(x.val) < 0) {
                errorf(x, "invalid argument: %s %s must not be negative", what, operandString(x));
                return false;
            }
            if (!Constant.int64Val(Constant.toInt(x.val)).exact()) {
                errorf(x, "invalid argument: %s %s overflows int", what, operandString(x));
                return false;
            }
        }
        return true;
    }

    void sliceExpr(Operand x, SliceExpr e) {
        expr(x, e.x);
        if (x.invalid()) {
            use(e.low, e.high, e.max);
            return;
        }
        boolean valid = false;
        long length = -1;
        Type u = Predicates.coreString(x.type);
        switch (u) {
            case null -> {
                errorf(x, "cannot slice %s: %s has no core type", operandString(x), str(x.type));
                x.setInvalid();
                return;
            }
            case Basic b when b.is(Basic.IS_STRING) -> {
                if (e.slice3) {
                    errorf(x, "invalid operation: 3-index slice of string");
                    x.setInvalid();
                    return;
                }
                valid = true;
                if (x.mode == OperandMode.CONSTANT) {
                    length = Constant.stringLen(x.val);
                }
                if (Predicates.isUntyped(x.type)) {
                    x.type = Universe.STRING;
                }
                x.mode = OperandMode.VALUE;
                x.val = null;
            }
            case Array a -> {
                valid = true;
                length = a.len();
                if (x.mode != OperandMode.VARIABLE) {
                    errorf(x, "invalid operation: %s (slice of unaddressable value)", ExprString.of(e));
                    x.setInvalid();
                    return;
                }
                x.set(OperandMode.VALUE, new Slice(a.elem()));
            }
            case Pointer p when p.elem().underlying() instanceof Array a -> {
                valid = true;
                length = a.len();
                x.set(OperandMode.VALUE, new Slice(a.elem()));
            }
            case Slice s -> {
                valid = true;
                x.mode = OperandMode.VALUE;
            }
            default -> { }
        }
        if (!valid) {
            errorf(x, "cannot slice %s", operandString(x));
            x.setInvalid();
            return;
        }
        x.mode = OperandMode.VALUE;
        long[] ind = new long[3];
        Expr[] idx = {e.low, e.high, e.max};
        for (int i = 0; i < 3; i++) {
            ind[i] = -1;
            if (idx[i] != null) {
                long max = -1;
                if (length >= 0) {
                    max = length + 1;
                }
                ind[i] = index(idx[i], max);
            } else if (i == 0) {
                ind[i] = 0;
            } else if (length >= 0) {
                ind[i] = length;
            }
        }
        // constant indices must be in increasing order
        for (int i = 0; i < 3; i++) {
            if (ind[i] < 0) {
                continue;
            }
            for (int j = i + 1; j < 3; j++) {
                if (ind[j] >= 0 && ind[j] < ind[i] && idx[j] != null) {
                    errorf(idx[j].pos(), "invalid slice indices: %d < %d", ind[j], ind[i]);
                    return;
                }
            }
        }
    }

    void use(Expr... es) {
        for (Expr e : es) {
            if (e == null) {
                continue;
            }
            Operand x = new Operand();
            // Evaluate for side effects (uses), without reporting follow-on errors.
            int n = errors.size();
            rawExpr(x, e, null, false);
            while (errors.size() > n) {
                errors.remove(errors.size() - 1);
            }
        }
    }

    // ---- type assertions

    void typeAssertion(Expr e, Operand x, Interface xi, Type t, boolean typeSwitch) {
        if (t instanceof TypeParam) {
            return; // go/types: no static check when T's underlying type is an interface
        }
        Lookup.Missing m = Lookup.missingMethod(t, xi, false);
        if (m == null) {
            return;
        }
        if (Predicates.isInterface(t)) {
            return;
        }
        String cause = missingMethodReason(t, x.type, m);
        if (typeSwitch) {
            errorf(e, "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s", ExprString.of(e), operandString(x), str(t), cause);
        } else {
            errorf(e, "impossible type assertion: %s\n\t%s does not implement %s %s", ExprString.of(e), str(t), str(x.type), cause);
        }
    }

    // ---- composite literals

    void compositeLit(Operand x, CompositeLit e, Type hint) {
        Type typ;
        Type base;
        if (e.type != null) {
            if (e.type instanceof ArrayType at && at.len instanceof Ellipsis) {
                Type elem = typExpr(at.elt);
                typ = new Array(-2, elem); // length filled in below
                base = typ;
            } else {
                typ = typExpr(e.type);
                base = typ;
            }
        } else if (hint != null) {
            typ = hint;
            base = typ;
            if (Predicates.coreType(typ) instanceof Pointer p) {
                base = p.elem();
            }
        } else {
            error(e.pos(), "invalid composite literal type: missing type");
            use(e.elts.toArray(new Expr[0]));
            x.setInvalid();
            return;
        }
        Type u = Predicates.coreType(base);
        switch (u) {
            case Struct s -> {
                if (e.elts.isEmpty()) {
                    break;
                }
                if (e.elts.get(0) instanceof KeyValueExpr) {
                    boolean[] visited = new boolean[s.numFields()];
                    for (Expr el : e.elts) {
                        if (!(el instanceof KeyValueExpr kv)) {
                            error(el.pos(), "mixture of field:value and value elements in struct literal");
                            use(el);
                            continue;
                        }
                        if (!(kv.key instanceof Ident key)) {
                            errorf(kv.key.pos(), "invalid field name %s in struct literal", ExprString.of(kv.key));
                            use(kv.value);
                            continue;
                        }
                        int i = key.name.equals("_") ? -1 : fieldIndex(s, key.name);
                        if (i < 0) {
                            errorf(key.pos(), "unknown field '%s' in struct literal of type %s", key.name, str(base));
                            use(kv.value);
                            continue;
                        }
                        Var f = s.field(i);
                        recordUse(key, f);
                        Operand v = new Operand();
                        exprWithHint(v, kv.value, f.type());
                        assignment(v, f.type(), "struct literal");
                        if (visited[i]) {
                            errorf(key.pos(), "duplicate field name %s in struct literal", key.name);
                            continue;
                        }
                        visited[i] = true;
                    }
                } else {
                    int i = 0;
                    for (Expr el : e.elts) {
                        if (el instanceof KeyValueExpr kv) {
                            error(kv.pos(), "mixture of field:value and value elements in struct literal");
                            use(kv.value);
                            i++;
                            continue;
                        }
                        Operand v = new Operand();
                        exprWithHint(v, el, i < s.numFields() ? s.field(i).type() : null);
                        if (i >= s.numFields()) {
                            errorf(v, "too many values in struct literal of type %s", str(base));
                            break;
                        }
                        Var f = s.field(i);
                        if (!f.exported() && f.pkg() != pkg && f.pkg() != null && !Obj.samePackage(f.pkg(), pkg)) {
                            errorf(v, "implicit assignment to unexported field %s in struct literal of type %s", f.name(), str(base));
                            i++;
                            continue;
                        }
                        assignment(v, f.type(), "struct literal");
                        i++;
                    }
                    if (i < s.numFields() && i == e.elts.size()) {
                        errorf(e.rbrace, "too few values in struct literal of type %s", str(base));
                    }
                }
            }
            case Array a -> {
                long n = indexedElts(e.elts, a.elem(), a.len() == -2 ? -1 : a.len());
                if (a.len() == -2) {
                    Array na = new Array(n, a.elem());
                    if (typ == base) {
                        typ = na;
                    }
                    base = na;
                    if (e.type != null) {
                        Operand rec = new Operand();
                        rec.expr = e.type;
                        rec.mode = OperandMode.TYPEXPR;
                        rec.type = na;
                        record(rec);
                    }
                }
            }
            case Slice s -> indexedElts(e.elts, s.elem(), -1);
            case Map m -> {
                java.util.Map<String, Expr> seen = new java.util.HashMap<>();
                for (Expr el : e.elts) {
                    if (!(el instanceof KeyValueExpr kv)) {
                        error(el.pos(), "missing key in map literal");
                        use(el);
                        continue;
                    }
                    Operand k = new Operand();
                    exprWithHint(k, kv.key, m.key());
                    assignment(k, m.key(), "map literal");
                    if (k.mode == OperandMode.CONSTANT && k.val != null && k.val.kind() != Kind.UNKNOWN) {
                        String key = constKey(k);
                        if (seen.putIfAbsent(key, kv.key) != null) {
                            errorf(k, "duplicate key %s in map literal", ExprString.of(kv.key));
                        }
                    }
                    Operand v = new Operand();
                    exprWithHint(v, kv.value, m.elem());
                    assignment(v, m.elem(), "map literal");
                }
            }
            case null, default -> {
                if (u != Universe.INVALID && u != null) {
                    errorf(e.pos(), "invalid composite literal type %s", str(typ));
                } else if (u == null) {
                    errorf(e.pos(), "invalid composite literal type %s", str(typ));
                }
                use(e.elts.toArray(new Expr[0]));
                x.setInvalid();
                return;
            }
        }
        x.set(OperandMode.VALUE, typ);
    }

    private String constKey(Operand k) {
        String ts = k.type == null ? "" : str(Predicates.defaultType(k.type));
        Value v = k.val;
        if (v.kind() == Kind.FLOAT || v.kind() == Kind.INT) {
            return ts + ":" + Constant.toFloat(v).exactString();
        }
        return ts + ":" + v.exactString();
    }

    static int fieldIndex(Struct s, String name) {
        for (int i = 0; i < s.numFields(); i++) {
            if (s.field(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Checks the elements of an array or slice literal; returns the literal's length. */
    long indexedElts(List<Expr> elts, Type elem, long length) {
        java.util.Set<Long> visited = new java.util.HashSet<>();
        long index = 0;
        long max = 0;
        for (Expr el : elts) {
            boolean validIndex = false;
            Expr value = el;
            if (el instanceof KeyValueExpr kv) {
                int before = errors.size();
                long i = index(kv.key, length);
                if (i >= 0) {
                    index = i;
                    validIndex = true;
                } else if (errors.size() == before) {
                    errorf(el.pos(), "index %s must be integer constant", ExprString.of(kv.key));
                }
                value = kv.value;
            } else if (length >= 0 && index >= length) {
                errorf(el.pos(), "index %d is out of bounds (>= %d)", index, length);
            } else {
                validIndex = true;
            }
            if (validIndex) {
                if (!visited.add(index)) {
                    errorf(el.pos(), "duplicate index %d in array or slice literal", index);
                }
            }
            index++;
            if (index > max) {
                max = index;
            }
            Operand v = new Operand();
            exprWithHint(v, value, elem);
            assignment(v, elem, "array or slice literal");
        }
        return max;
    }

    // ---- conversions

    void conversion(Operand x, Type t) {
        boolean constArg = x.mode == OperandMode.CONSTANT;
        boolean ok;
        StringBuilder cause = new StringBuilder();
        if (constArg && Predicates.isConstType(t)) {
            Basic b = (Basic) t.underlying();
            Value v = x.val.kind() == Kind.UNKNOWN ? x.val : Representable.represent(x.val, b);
            ok = v != null;
            if (!ok && Predicates.isInteger(x.type) && b.is(Basic.IS_STRING)) {
                var cp = Constant.uint64Val(Constant.toInt(x.val));
                int r = cp.exact() && cp.value() >= 0 && cp.value() <= 0x10FFFF
                        && !(cp.value() >= 0xD800 && cp.value() <= 0xDFFF) ? (int) cp.value() : 0xFFFD;
                v = Constant.makeString(new String(Character.toChars(r)));
                ok = true;
            }
            if (ok) {
                x.val = v;
            }
        } else if (constArg && t instanceof TypeParam tp) {
            ok = true;
            TypeSet ts = tp.iface().typeSet();
            if (ts.terms() == null || ts.terms().isEmpty()) {
                ok = false;
                cause.append(str(t)).append(" does not contain specific types");
            } else {
                for (Term term : ts.terms()) {
                    Type tu = term.type().underlying();
                    if (Predicates.isString(x.type) && isBytesOrRunes(tu)) {
                        continue;
                    }
                    if (!(tu instanceof Basic b) || (Representable.represent(x.val, b) == null
                            && !(Predicates.isInteger(x.type) && b.is(Basic.IS_STRING)))) {
                        ok = false;
                        break;
                    }
                }
            }
            x.mode = OperandMode.VALUE;
        } else {
            ok = convertibleTo(x, t, cause);
            if (ok) {
                x.mode = OperandMode.VALUE;
            }
        }
        if (!ok) {
            if (!cause.isEmpty()) {
                errorf(x, "cannot convert %s to type %s:\n\t%s", operandString(x), str(t), cause);
            } else {
                errorf(x, "cannot convert %s to type %s", operandString(x), str(t));
            }
            x.setInvalid();
            return;
        }
        if (Predicates.isUntyped(x.type)) {
            Type fin = t;
            if (Predicates.isInterface(t) && !(t instanceof TypeParam) || constArg && !Predicates.isConstType(t) || x.isNil()) {
                fin = Predicates.defaultType(x.type);
            } else if (x.mode == OperandMode.CONSTANT && Predicates.isInteger(x.type) && Predicates.isString(t)) {
                fin = x.type;
            }
            updateExprType(x.expr, fin, true);
        }
        if (x.mode == OperandMode.CONSTANT && !Predicates.isConstType(t)) {
            x.mode = OperandMode.VALUE;
            x.val = null;
        }
        x.type = t;
    }

    static boolean isBytesOrRunes(Type t) {
        if (t.underlying() instanceof Slice s) {
            Type e = s.elem().underlying();
            return e instanceof Basic b && (b.kind() == Basic.Kind.UINT8 || b.kind() == Basic.Kind.INT32);
        }
        return false;
    }

    boolean convertibleTo(Operand x, Type t, StringBuilder cause) {
        if (assignableTo(x, t, cause)) {
            return true;
        }
        boolean toIface = Predicates.isInterface(t);
        if (!toIface && cause != null) {
            cause.setLength(0); // the reason assignability failed is not the reason conversion did
        }
        Type v = x.type;
        Type vu = v.underlying();
        Type tu = t.underlying();
        boolean vp = v instanceof TypeParam;
        boolean tp = t instanceof TypeParam;
        if (Predicates.identicalIgnoreTags(vu, tu) && !vp && !tp) {
            return true;
        }
        if (v instanceof Pointer pv && t instanceof Pointer pt) {
            if (Predicates.identicalIgnoreTags(pv.elem().underlying(), pt.elem().underlying())
                    && !(pv.elem() instanceof TypeParam) && !(pt.elem() instanceof TypeParam)) {
                return true;
            }
        }
        if (!vp && !tp) {
            return convertibleBasic(vu, tu, cause);
        }
        if (vp && tp) {
            List<Term> vt = ((TypeParam) v).iface().typeSet().terms();
            List<Term> tt = ((TypeParam) t).iface().typeSet().terms();
            if (vt == null || tt == null || vt.isEmpty() || tt.isEmpty()) {
                return false;
            }
            for (Term a : vt) {
                for (Term b : tt) {
                    Operand y = x.copy();
                    y.type = a.type();
                    if (!convertibleTo(y, b.type(), null)) {
                        return false;
                    }
                }
            }
            return true;
        }
        if (vp) {
            List<Term> vt = ((TypeParam) v).iface().typeSet().terms();
            if (vt == null || vt.isEmpty()) {
                return false;
            }
            for (Term a : vt) {
                Operand y = x.copy();
                y.type = a.type();
                if (!convertibleTo(y, t, null)) {
                    return false;
                }
            }
            return true;
        }
        List<Term> tt = ((TypeParam) t).iface().typeSet().terms();
        if (tt == null || tt.isEmpty()) {
            return false;
        }
        for (Term b : tt) {
            if (!convertibleTo(x.copy(), b.type(), null)) {
                return false;
            }
        }
        return true;
    }

    private boolean convertibleBasic(Type vu, Type tu, StringBuilder cause) {
        if (Predicates.isIntegerOrFloat(vu) && Predicates.isIntegerOrFloat(tu)) {
            return true;
        }
        if (Predicates.isComplex(vu) && Predicates.isComplex(tu)) {
            return true;
        }
        if ((Predicates.isInteger(vu) || isBytesOrRunes(vu)) && Predicates.isString(tu)) {
            return true;
        }
        if (Predicates.isString(vu) && isBytesOrRunes(tu)) {
            return true;
        }
        boolean vUnsafe = vu instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER;
        boolean tUnsafe = tu instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER;
        boolean vUintptr = vu instanceof Basic b && b.kind() == Basic.Kind.UINTPTR;
        boolean tUintptr = tu instanceof Basic b && b.kind() == Basic.Kind.UINTPTR;
        if ((vu instanceof Pointer || vUintptr) && tUnsafe) {
            return true;
        }
        if (vUnsafe && (tu instanceof Pointer || tUintptr)) {
            return true;
        }
        if (vu instanceof Slice s && tu instanceof Pointer p && p.elem().underlying() instanceof Array a) {
            if (Predicates.identical(s.elem(), a.elem())) {
                if (langMinor < 17) {
                    if (cause != null) {
                        cause.append("conversion of slices to array pointers requires go1.17 or later");
                    }
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    // ---- generic function instantiation with explicit type arguments

    abstract void funcInst(Operand x, Expr e, List<Expr> targs);
}
