package glassgo.compiler.types;

import glassgo.compiler.ast.*;
import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Value;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The state shared by all phases of checking one package, and the small operations every phase
 * uses: reporting errors in gc's wording, printing operands, recording types, assignability and the
 * conversion of untyped operands (go/types {@code check.go}, {@code operand.go}, {@code
 * assignments.go} in part). The phases build on this class in a chain of subclasses, one file per
 * concern as go/types has one file per concern: type expressions, expressions, calls, statements,
 * declarations.
 */
abstract class CheckerBase {
    final FileSet fset;
    final Package pkg;
    final Importer importer;
    final List<TypeError> errors = new ArrayList<>();
    /** Language version minor number (go1.N); generics need 18. */
    int langMinor = 19;

    /** What checking records for later phases: types, objects, instances (go/types {@code Info}). */
    final Info info = new Info();

    // The environment of the code being checked (go/types environment).
    Scope scope;
    Value iota;
    Signature sig;
    /** The package-level declaration being checked, for dependency recording (init order). */
    DeclInfo decl;

    CheckerBase(FileSet fset, Package pkg, Importer importer) {
        this.fset = fset;
        this.pkg = pkg;
        this.importer = importer;
    }

    // ---- errors

    void error(int pos, String msg) {
        if (errPos > 0) {
            pos = errPos;
        }
        if (mentionsInvalidType(msg)) {
            return; // a follow-on error of one already reported
        }
        errors.add(new TypeError(pos, msg, false));
    }

    /** While checking an inherited constant initializer, errors go to the constant's name (types2 errpos). */
    int errPos;

    private static boolean mentionsInvalidType(String msg) {
        return msg.contains("invalid type") && !msg.startsWith("invalid type");
    }

    void errorf(int pos, String fmt, Object... args) {
        error(pos, String.format(fmt, args));
    }

    void softErrorf(int pos, String fmt, Object... args) {
        errors.add(new TypeError(pos, String.format(fmt, args), true));
    }

    void errorf(Node at, String fmt, Object... args) {
        error(at == null ? 0 : at.pos(), String.format(fmt, args));
    }

    /** Errors at an operand are reported at the operand's expression, as types2 does. */
    void errorf(Operand x, String fmt, Object... args) {
        error(x.expr == null ? x.synthPos : syntaxPos(x.expr), String.format(fmt, args));
    }

    /** types2 (gc) reports an error at an expression at its start position (syntax.StartPos). */
    static int syntaxPos(Expr e) {
        return e.pos();
    }

    String qualify(Package p) {
        if (p == pkg || p == null) {
            return "";
        }
        return p.name();
    }

    String str(Type t) {
        return TypeString.of(t, this::qualify);
    }

    String str(Operand x) {
        return operandString(x);
    }

    /** types2 operand.String: {@code x (variable of type int)}, {@code 300 (untyped int constant)}. */
    String operandString(Operand x) {
        String expr = x.expr == null ? "" : ExprString.of(x.expr);
        if (x.mode == OperandMode.CONSTANT && x.expr == null && x.val != null) {
            expr = x.val.toString();
        }
        StringBuilder sb = new StringBuilder();
        if (!expr.isEmpty()) {
            sb.append(expr).append(" (");
        }
        boolean hasType = false;
        switch (x.mode) {
            case INVALID, NOVALUE, BUILTIN, TYPEXPR -> { }
            default -> {
                if (x.type != null) {
                    if (Predicates.isUntyped(x.type)) {
                        sb.append(((Basic) x.type).name()).append(' ');
                    } else {
                        hasType = true;
                    }
                }
            }
        }
        sb.append(switch (x.mode) {
            case INVALID -> "invalid operand";
            case NOVALUE -> "no value";
            case BUILTIN -> "built-in";
            case TYPEXPR -> "type";
            case CONSTANT -> "constant";
            case VARIABLE -> "variable";
            case MAPINDEX -> "map index expression";
            case VALUE -> "value";
            case COMMAOK -> "comma, ok expression";
        });
        if (x.mode == OperandMode.CONSTANT && x.val != null) {
            String s = x.val.toString();
            if (!s.equals(expr)) {
                sb.append(' ').append(s);
            }
        }
        if (hasType) {
            if (x.type != Universe.INVALID) {
                sb.append(Predicates.isGeneric(x.type) ? " of generic type " : " of type ").append(str(x.type));
                if (x.type instanceof TypeParam tp) {
                    sb.append(" constrained by ").append(str(tp.constraint()));
                }
            } else {
                sb.append(" with invalid type");
            }
        }
        if (!expr.isEmpty()) {
            sb.append(')');
        }
        return sb.toString();
    }

    // ---- recording

    void record(Operand x) {
        if (x.expr != null) {
            info.types.put(x.expr, new Info.TypeAndValue(x.mode, x.type, x.val, x.builtin));
        }
    }

    void recordUse(Ident id, Obj obj) {
        info.uses.put(id, obj);
    }

    /** The instantiation of the generic function or type that fun (f, f[T], pkg.f, pkg.f[T]) names. */
    void recordInstance(Expr fun, List<Type> targs, Type inst) {
        Expr e = unparenExpr(fun);
        if (e instanceof glassgo.compiler.ast.IndexExpr ix) {
            e = unparenExpr(ix.x);
        } else if (e instanceof glassgo.compiler.ast.IndexListExpr il) {
            e = unparenExpr(il.x);
        }
        Ident id = e instanceof Ident i ? i : e instanceof glassgo.compiler.ast.SelectorExpr sel ? sel.sel : null;
        if (id != null) {
            info.instances.put(id, new Info.Instance(List.copyOf(targs), inst));
        }
    }

    private static Expr unparenExpr(Expr e) {
        while (e instanceof glassgo.compiler.ast.ParenExpr p) {
            e = p.x;
        }
        return e;
    }

    void recordDef(Ident id, Obj obj) {
        if (id != null) {
            info.defs.put(id, obj);
        }
    }

    /** Declares obj in scope s; reports a redeclaration in gc's words. Blank names are not declared. */
    void declare(Scope s, Ident id, Obj obj) {
        if (id != null) {
            recordDef(id, obj);
        }
        if (obj.name().equals("_")) {
            return;
        }
        Obj alt = s.insert(obj);
        if (alt != null) {
            errorf(obj.pos(), "%s redeclared in this block\n\t%s: other declaration of %s", obj.name(),
                    fset.position(alt.pos()), obj.name());
        }
    }

    // ---- untyped conversion and assignability

    /**
     * Converts an untyped operand to type target, in place (go/types {@code convertUntyped});
     * reports an error and invalidates x when that is impossible.
     */
    void convertUntyped(Operand x, Type target) {
        ConvResult r = implicitTypeAndValue(x, target);
        if (r.code != 0) {
            Type t = target;
            if (!(t instanceof TypeParam)) {
                t = Predicates.defaultType(t);
            }
            invalidConversion(r.code, x, t);
            x.setInvalid();
            return;
        }
        if (r.val != null) {
            x.val = r.val;
        }
        if (r.type != x.type) {
            x.type = r.type;
            updateExprType(x.expr, r.type, true);
        }
    }

    static final int CODE_OK = 0, CODE_TRUNCATED = 1, CODE_OVERFLOW = 2, CODE_INVALID_CONST = 3,
            CODE_INVALID_UNTYPED = 4, CODE_MISMATCH = 5;

    record ConvResult(Type type, Value val, int code) {}

    void invalidConversion(int code, Operand x, Type target) {
        String xs = operandString(x);
        switch (code) {
            case CODE_TRUNCATED -> errorf(x, "%s truncated to %s", xs, str(target));
            case CODE_OVERFLOW -> errorf(x, "%s overflows %s", xs, str(target));
            default -> errorf(x, "cannot convert %s to type %s", xs, str(target));
        }
    }

    /** go/types {@code implicitTypeAndValue}: the type an untyped x takes in a context of type target. */
    ConvResult implicitTypeAndValue(Operand x, Type target) {
        if (x.invalid() || Predicates.isTyped(x.type) || target == Universe.INVALID) {
            return new ConvResult(x.type, null, 0);
        }
        if (Predicates.isUntyped(target)) {
            if (Predicates.isNumeric(x.type) && Predicates.isNumeric(target)) {
                Basic xb = (Basic) x.type;
                Basic tb = (Basic) target;
                return new ConvResult(xb.kind().ordinal() >= tb.kind().ordinal() ? xb : tb, null, 0);
            }
            if (x.type != target) {
                return new ConvResult(null, null, CODE_MISMATCH);
            }
            return new ConvResult(x.type, null, 0);
        }
        if (target instanceof TypeParam tp) {
            TypeSet ts = tp.iface().typeSet();
            if (ts.terms() == null) {
                return new ConvResult(null, null, CODE_INVALID_UNTYPED);
            }
            for (Term t : ts.terms()) {
                ConvResult r = implicitTypeAndValue(x.copy(), t.type());
                if (r.code != 0) {
                    return new ConvResult(null, null, CODE_INVALID_UNTYPED);
                }
            }
            if (x.isNil()) {
                return new ConvResult(Universe.UNTYPED_NIL, null, 0); // keep nil untyped (go.dev/issue/39755)
            }
            return new ConvResult(target, null, 0);
        }
        Type u = target.underlying();
        switch (u) {
            case Basic b -> {
                if (x.mode == OperandMode.CONSTANT) {
                    RepResult rr = representation(x, b);
                    if (rr.code != 0) {
                        return new ConvResult(null, null, rr.code);
                    }
                    return new ConvResult(target, rr.val, 0);
                }
                Basic xb = (Basic) x.type;
                boolean ok = switch (xb.kind()) {
                    case UNTYPED_BOOL -> b.is(Basic.IS_BOOLEAN);
                    case UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_COMPLEX -> b.is(Basic.IS_NUMERIC);
                    case UNTYPED_STRING -> b.is(Basic.IS_STRING);
                    case UNTYPED_NIL -> b.kind() == Basic.Kind.UNSAFE_POINTER;
                    default -> false;
                };
                if (!ok) {
                    return new ConvResult(null, null, CODE_INVALID_UNTYPED);
                }
                if (xb.kind() == Basic.Kind.UNTYPED_NIL) {
                    return new ConvResult(Universe.UNTYPED_NIL, null, 0);
                }
                return new ConvResult(target, null, 0);
            }
            case Interface i -> {
                if (x.isNil()) {
                    return new ConvResult(Universe.UNTYPED_NIL, null, 0);
                }
                if (!i.isEmpty() && !(i.typeSet().methods().isEmpty())) {
                    return new ConvResult(null, null, CODE_INVALID_UNTYPED);
                }
                if (!i.isMethodSet()) {
                    // a constraint interface: the default type must be in its type set
                    return new ConvResult(null, null, CODE_INVALID_UNTYPED);
                }
                return new ConvResult(Predicates.defaultType(x.type), null, 0);
            }
            case Pointer p -> {
                return nilOnly(x);
            }
            case Signature s -> {
                return nilOnly(x);
            }
            case Slice s -> {
                return nilOnly(x);
            }
            case Map m -> {
                return nilOnly(x);
            }
            case Chan c -> {
                return nilOnly(x);
            }
            default -> {
                return new ConvResult(null, null, CODE_INVALID_UNTYPED);
            }
        }
    }

    private static ConvResult nilOnly(Operand x) {
        if (!x.isNil()) {
            return new ConvResult(null, null, CODE_INVALID_UNTYPED);
        }
        return new ConvResult(Universe.UNTYPED_NIL, null, 0);
    }

    record RepResult(Value val, int code) {}

    /** go/types {@code representation}: x's constant value as a value of basic type b, or an error code. */
    RepResult representation(Operand x, Basic b) {
        Value v = Representable.represent(x.val, b);
        if (v == null) {
            if (Predicates.isNumeric(x.type) && b.is(Basic.IS_NUMERIC)) {
                if (!Predicates.isInteger(x.type) && b.is(Basic.IS_INTEGER)) {
                    return new RepResult(null, CODE_TRUNCATED);
                }
                return new RepResult(null, CODE_OVERFLOW);
            }
            return new RepResult(null, CODE_INVALID_CONST);
        }
        return new RepResult(v, 0);
    }

    /** Checks that constant x is representable as its (typed, basic) type; reports as gc does. */
    void representable(Operand x, Basic b) {
        RepResult r = representation(x, b);
        if (r.code != 0) {
            invalidConversion(r.code, x, b);
            x.setInvalid();
            return;
        }
        x.val = r.val;
    }

    /** Overrides the recorded type of an untyped expression once its final type is known. */
    void updateExprType(Expr e, Type t, boolean finalType) {
        updateExprType(null, e, t, finalType);
    }

    private void updateExprType(Expr parent, Expr e, Type t, boolean finalType) {
        if (e == null) {
            return;
        }
        Info.TypeAndValue old = info.types.get(e);
        if (old == null || !Predicates.isUntyped(old.type())) {
            return;
        }
        switch (e) {
            case ParenExpr p -> updateExprType(e, p.x, t, finalType);
            case UnaryExpr u -> {
                if (old.value() == null) {
                    updateExprType(e, u.x, t, finalType);
                }
            }
            case BinaryExpr b -> {
                if (old.value() == null && !isComparison(b.op)) {
                    updateExprType(e, b.x, t, finalType);
                    if (b.op != Token.SHL && b.op != Token.SHR) {
                        updateExprType(e, b.y, t, finalType);
                    }
                }
            }
            default -> { }
        }
        if (Predicates.isUntyped(t)) {
            setRecordedType(e, old, t.underlying()); // still untyped: not the final type yet
            return;
        }
        setRecordedType(e, old, t);
        // The untyped left operand of a non-constant shift must become an integer (gc's wording).
        if (pendingShifts.remove(e) != null && !Predicates.isInteger(t)) {
            errorf(e.pos(), "invalid operation: %s (shift of type %s)", ExprString.of(parent == null ? e : parent), str(t));
        }
    }

    private void setRecordedType(Expr e, Info.TypeAndValue old, Type t) {
        info.types.put(e, new Info.TypeAndValue(old.mode(), t, old.value(), old.builtin()));
    }

    /** Non-constant shifts whose untyped left operand's type is not yet known: expr → left operand. */
    final IdentityHashMap<Expr, Expr> pendingShifts = new IdentityHashMap<>();

    static boolean isComparison(Token op) {
        return switch (op) {
            case EQL, NEQ, LSS, LEQ, GTR, GEQ -> true;
            default -> false;
        };
    }

    static boolean isNamed(Type t) {
        return t instanceof Named || t instanceof Basic || t instanceof TypeParam;
    }

    /**
     * go/types {@code assignableTo}: whether x can be assigned to a variable of type t. On failure,
     * cause (if non-null) receives the reason gc appends to its message.
     */
    boolean assignableTo(Operand x, Type t, StringBuilder cause) {
        if (x.invalid() || t == Universe.INVALID) {
            return true;
        }
        Type v = x.type;
        if (Predicates.identical(v, t)) {
            return true;
        }
        Type vu = v.underlying();
        Type tu = t.underlying();
        TypeParam vp = v instanceof TypeParam p ? p : null;
        TypeParam tp = t instanceof TypeParam p ? p : null;
        if (Predicates.isUntyped(vu)) {
            if (tp != null) {
                TypeSet ts = tp.iface().typeSet();
                if (ts.terms() == null) {
                    return x.isNil() ? false : false;
                }
                for (Term term : ts.terms()) {
                    Type tt = term.type();
                    if (tt == null || !assignableTo(x.copy(), tt, null)) {
                        return false;
                    }
                }
                return true;
            }
            return implicitTypeAndValue(x.copy(), t).code == 0;
        }
        if (Predicates.identical(vu, tu) && (!isNamed(v) || !isNamed(t)) && vp == null && tp == null) {
            return true;
        }
        if (tu instanceof Interface ti && tp == null) {
            if (implementsIface(v, t, ti, cause)) {
                return true;
            }
            if (vu instanceof Interface && vp == null && cause != null && cause.isEmpty()) {
                // no extra cause
            }
            return false;
        }
        if (vu instanceof Interface && vp == null && !(tu instanceof Interface)) {
            if (cause != null && implementsIface(t, v, (Interface) vu, null)) {
                cause.append("need type assertion");
            }
            return false;
        }
        if (cause != null && tu instanceof Pointer tptr && Predicates.isInterface(tptr.elem()) && !(tptr.elem() instanceof TypeParam)
                && !Predicates.identical(vu, tu)) {
            cause.append(str(v)).append(" does not implement ").append(str(t))
                    .append(" (type ").append(str(t)).append(" is pointer to interface, not interface)");
            return false;
        }
        if (vu instanceof Chan vc && vc.dir() == Chan.Dir.SEND_RECV && tu instanceof Chan tc
                && Predicates.identical(vc.elem(), tc.elem())) {
            return (!isNamed(v) || !isNamed(t)) && vp == null && tp == null;
        }
        if (vp == null && tp != null && !isNamed(v)) {
            TypeSet ts = tp.iface().typeSet();
            if (ts.terms() == null || ts.terms().isEmpty()) {
                return false;
            }
            for (Term term : ts.terms()) {
                Operand y = x.copy();
                if (!assignableTo(y, term.type(), null)) {
                    return false;
                }
            }
            return true;
        }
        if (vp != null && tp == null && !isNamed(t)) {
            TypeSet ts = vp.iface().typeSet();
            if (ts.terms() == null || ts.terms().isEmpty()) {
                return false;
            }
            for (Term term : ts.terms()) {
                Operand y = x.copy();
                y.type = term.type();
                if (!assignableTo(y, t, null)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether type v implements interface t (method sets only), with gc's reason on failure. */
    boolean implementsIface(Type v, Type named, Interface t, StringBuilder cause) {
        Lookup.Missing m = Lookup.missingMethod(v, t, true);
        if (m == null) {
            if (!t.isMethodSet()) {
                TypeSet ts = t.typeSet();
                if (ts.comparable() && !Predicates.comparable(v)) {
                    if (cause != null) {
                        cause.append(str(v)).append(" does not implement comparable");
                    }
                    return false;
                }
                if (!ts.includes(v)) {
                    if (cause != null) {
                        cause.append(str(v)).append(" does not implement ").append(str(named));
                    }
                    return false;
                }
            }
            return true;
        }
        if (cause != null) {
            cause.append(str(v)).append(" does not implement ").append(str(named)).append(' ').append(missingMethodReason(v, named, m));
        }
        return false;
    }

    /** gc's reason in parentheses: (missing M method), (M method has pointer receiver), (wrong type for M method)... */
    String missingMethodReason(Type v, Type t, Lookup.Missing m) {
        String mname = m.method().name() + " method";
        if (m.ptrRecv()) {
            return "(" + mname + " has pointer receiver)";
        }
        if (m.alt() instanceof Func alt) {
            if (!alt.name().equals(m.method().name())) {
                return String.format("(missing %s)\n\t\thave %s%s\n\t\twant %s%s", mname, alt.name(), sigString(alt), m.method().name(), sigString(m.method()));
            }
            if (m.wrongType()) {
                return String.format("(wrong type for %s)\n\t\thave %s%s\n\t\twant %s%s", mname, alt.name(), sigString(alt), m.method().name(), sigString(m.method()));
            }
        }
        if (v.underlying() instanceof Pointer p && Predicates.isInterface(p.elem())) {
            return "(type " + str(v) + " is pointer to interface, not interface)";
        }
        return "(missing " + mname + ")";
    }

    private String sigString(Func f) {
        if (f.type() instanceof Signature s) {
            String full = TypeString.signature(new Signature(null, List.of(), s.params(), s.results(), s.variadic()), this::qualify);
            return full;
        }
        return "";
    }

    /**
     * go/types {@code assignment}: checks that x can be assigned to a variable of type t in context
     * (e.g. "assignment", "argument"); converts untyped x. t == null means "use the default type".
     */
    void assignment(Operand x, Type t, String context) {
        switch (x.mode) {
            case INVALID -> {
                return;
            }
            case CONSTANT, VARIABLE, MAPINDEX, VALUE, COMMAOK -> { }
            default -> {
                errorf(x, "cannot assign %s to %s in %s", operandString(x), t == null ? "variable" : str(t), context);
                x.setInvalid();
                return;
            }
        }
        if (Predicates.isUntyped(x.type)) {
            Type target = t;
            if (x.isNil()) {
                if (t == null) {
                    errorf(x, "use of untyped nil in %s", context);
                    x.setInvalid();
                    return;
                }
            } else if (t == null || (Predicates.isInterface(t) && !(t instanceof TypeParam))) {
                target = Predicates.defaultType(x.type);
            }
            ConvResult r = implicitTypeAndValue(x, target);
            if (r.code != 0) {
                String msg = String.format("cannot use %s as %s value in %s", operandString(x), str(target), context);
                if (r.code == CODE_TRUNCATED) {
                    msg += " (truncated)";
                } else if (r.code == CODE_OVERFLOW) {
                    msg += " (overflows)";
                }
                errorf(x, "%s", msg);
                x.setInvalid();
                return;
            }
            if (r.val != null) {
                x.val = r.val;
            }
            if (r.type != x.type) {
                x.type = r.type;
                updateExprType(x.expr, r.type, true);
            }
        }
        if (t == null) {
            return;
        }
        StringBuilder cause = new StringBuilder();
        if (!assignableTo(x, t, cause)) {
            if (cause.isEmpty()) {
                errorf(x, "cannot use %s as type %s in %s", operandString(x), str(t), context);
            } else {
                errorf(x, "cannot use %s as type %s in %s:\n\t%s", operandString(x), str(t), context, cause);
            }
            x.setInvalid();
        }
    }

    // ---- scope helpers

    void openScope(Node n, String comment) {
        scope = new Scope(scope, n == null ? 0 : n.pos(), n == null ? 0 : n.end(), comment, false);
    }

    void closeScope() {
        scope = scope.parent();
    }

    static Value unknown() {
        return Constant.makeUnknown();
    }
}
