package glassgo.compiler.types;

import glassgo.compiler.ast.*;
import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Kind;
import glassgo.compiler.syntax.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Statements and function bodies (go/types {@code stmt.go}, {@code assignments.go},
 * {@code labels.go}, {@code return.go}): assignments and short variable declarations, control flow
 * with gc's rules for break/continue/fallthrough and labels, switches with duplicate-case
 * detection, type switches, select, range, {@code missing return}, and {@code declared but not
 * used}.
 */
abstract class Stmts extends Calls {
    Stmts(glassgo.compiler.syntax.FileSet fset, Package pkg, Importer importer) {
        super(fset, pkg, importer);
    }

    abstract void declStmt(GenDecl d);

    /** Statement context flags (go/types {@code stmtContext}); kept for the statement structure, branch errors are the parser's. */
    static final int BREAK_OK = 1, CONTINUE_OK = 2, FALLTHROUGH_OK = 4, FINAL_SWITCH_CASE = 8, IN_TYPE_SWITCH = 16;

    /** Checks a function body (go/types {@code funcBody}). */
    void funcBody(Signature s, BlockStmt body, Scope fscope) {
        funcBody(s, body, fscope, false);
    }

    /** keepIota: a function literal inside a constant declaration still sees iota. */
    void funcBody(Signature s, BlockStmt body, Scope fscope, boolean keepIota) {
        Scope savedScope = scope;
        Signature savedSig = sig;
        Value0 savedIota = new Value0(iota);
        DeclInfo savedDecl = decl;
        scope = fscope;
        sig = s;
        if (!keepIota) {
            iota = null;
        }
        try {
            stmtList(0, body.list);
            if (s.results().len() > 0 && !new Terminating(info.uses).isTerminating(body, "")) {
                error(body.rbrace, "missing return");
            }
            usage(fscope);
        } finally {
            scope = savedScope;
            sig = savedSig;
            iota = savedIota.v;
            decl = savedDecl;
        }
    }

    private record Value0(glassgo.compiler.constant.Value v) {}

    @Override
    void funcLitBody(Signature s, BlockStmt body, Scope sigScope) {
        if (body == null) {
            return;
        }
        // Uses inside a closure of a package-level initializer are dependencies of it.
        DeclInfo d = decl;
        funcBody(s, body, sigScope, true);
        decl = d;
    }

    /** Reports unused variables of a function, in source order (go/types {@code usage}). */
    void usage(Scope s) {
        List<Var> unused = new ArrayList<>();
        collectUnused(s, unused);
        unused.sort(java.util.Comparator.comparingInt(Var::pos));
        for (Var v : unused) {
            softErrorf(v.pos(), "%s declared but not used", v.name());
        }
    }

    private void collectUnused(Scope s, List<Var> out) {
        for (Obj o : s.objects()) {
            if (o instanceof Var v && !v.used && !v.name().equals("_") && !v.isField()) {
                out.add(v);
            }
        }
        for (Scope c : s.children()) {
            if (!c.isFunc()) { // function literals report their own in funcBody
                collectUnused(c, out);
            }
        }
    }

    void stmtList(int ctxt, List<Stmt> list) {
        boolean ok = (ctxt & FALLTHROUGH_OK) != 0;
        int inner = ctxt & ~(FALLTHROUGH_OK | FINAL_SWITCH_CASE);
        int last = list.size() - 1;
        while (last >= 0 && list.get(last) instanceof EmptyStmt) {
            last--;
        }
        for (int i = 0; i < list.size(); i++) {
            int c = inner;
            if (ok && i == last) {
                c |= FALLTHROUGH_OK | (ctxt & FINAL_SWITCH_CASE);
            }
            stmt(c, list.get(i));
        }
    }

    void stmt(int ctxt, Stmt s) {
        int inner = ctxt & ~(FALLTHROUGH_OK | FINAL_SWITCH_CASE | IN_TYPE_SWITCH);
        switch (s) {
            case BadStmt b -> { }
            case EmptyStmt e -> { }
            case DeclStmt d -> declStmt(d.decl);
            case LabeledStmt ls -> stmt(ctxt, ls.stmt);
            case ExprStmt es -> {
                Operand x = new Operand();
                ExprKind kind = rawExpr(x, es.x, null, false);
                String msg;
                switch (x.mode) {
                    case INVALID -> {
                        return;
                    }
                    case BUILTIN -> msg = "must be called";
                    case TYPEXPR -> msg = "is not an expression";
                    default -> {
                        if (kind == ExprKind.STATEMENT) {
                            return;
                        }
                        msg = "is not used";
                    }
                }
                errorf(x, "%s %s", operandString(x), msg);
            }
            case SendStmt ss -> {
                Operand ch = new Operand();
                Operand val = new Operand();
                expr(ch, ss.chan);
                expr(val, ss.value);
                if (ch.invalid() || val.invalid()) {
                    return;
                }
                Type u = Predicates.coreType(ch.type);
                if (u == null) {
                    errorf(ss.arrow, "invalid operation: cannot send to %s: no core type", operandString(ch));
                    return;
                }
                if (!(u instanceof Chan c)) {
                    errorf(ss.arrow, "invalid operation: cannot send to non-channel %s", operandString(ch));
                    return;
                }
                if (c.dir() == Chan.Dir.RECV_ONLY) {
                    errorf(ss.arrow, "invalid operation: cannot send to receive-only channel %s", operandString(ch));
                    return;
                }
                assignment(val, c.elem(), "send");
            }
            case IncDecStmt ids -> {
                Operand x = new Operand();
                expr(x, ids.x);
                if (x.invalid()) {
                    return;
                }
                if (!Predicates.isNumeric(x.type)) {
                    errorf(ids.x.pos(), "invalid operation: %s%s (non-numeric type %s)", ExprString.of(ids.x), ids.tok.text(), str(x.type));
                    return;
                }
                assignVar(ids.x, x);
            }
            case AssignStmt as -> assignStmt(as);
            case GoStmt gs -> suspendedCall("go", gs.call);
            case DeferStmt ds -> suspendedCall("defer", ds.call);
            case ReturnStmt rs -> returnStmt(rs);
            case BranchStmt bs -> { } // break/continue/goto/fallthrough and labels: the parser's checkBranches, as in gc
            case BlockStmt b -> {
                openScope(b, "block");
                stmtList(inner, b.list);
                closeScope();
            }
            case IfStmt is -> {
                openScope(is, "if");
                simpleStmt(is.init);
                Operand x = new Operand();
                expr(x, is.cond);
                if (!x.invalid() && !Predicates.isBoolean(x.type)) {
                    error(is.cond.pos(), "non-boolean condition in if statement");
                }
                stmt(inner, is.body);
                if (is.elseStmt != null) {
                    stmt(inner, is.elseStmt);
                }
                closeScope();
            }
            case SwitchStmt ss -> switchStmt(inner, ss);
            case TypeSwitchStmt ts -> typeSwitchStmt(inner, ts);
            case SelectStmt sel -> {
                for (Stmt cs : sel.body.list) {
                    if (!(cs instanceof CommClause cc)) {
                        continue;
                    }
                    boolean valid = false;
                    Stmt comm = cc.comm;
                    if (comm == null || comm instanceof SendStmt) {
                        valid = true;
                    } else if (comm instanceof AssignStmt a && a.rhs.size() == 1 && unparen(a.rhs.get(0)) instanceof UnaryExpr u && u.op == Token.ARROW) {
                        valid = true;
                    } else if (comm instanceof ExprStmt es && unparen(es.x) instanceof UnaryExpr u && u.op == Token.ARROW) {
                        valid = true;
                    }
                    if (!valid) {
                        error(comm.pos(), "select case must be send or receive (possibly with assignment)");
                        continue;
                    }
                    openScope(cc, "case");
                    if (comm != null) {
                        stmt(inner, comm);
                    }
                    stmtList(inner | BREAK_OK, cc.body);
                    closeScope();
                }
            }
            case ForStmt fs -> {
                openScope(fs, "for");
                simpleStmt(fs.init);
                if (fs.cond != null) {
                    Operand x = new Operand();
                    expr(x, fs.cond);
                    if (!x.invalid() && !Predicates.isBoolean(x.type)) {
                        error(fs.cond.pos(), "non-boolean condition in for statement");
                    }
                }
                simpleStmt(fs.post);
                if (fs.post instanceof AssignStmt a && a.tok == Token.DEFINE) {
                    error(fs.post.pos(), "cannot declare in post statement of for loop");
                }
                stmt(inner | BREAK_OK | CONTINUE_OK, fs.body);
                closeScope();
            }
            case RangeStmt rs -> rangeStmt(inner, rs);
            case CaseClause cc -> error(cc.pos(), "case clause outside switch");
            case CommClause cc -> error(cc.pos(), "comm clause outside select");
        }
    }

    void simpleStmt(Stmt s) {
        if (s != null) {
            stmt(0, s);
        }
    }

    private void suspendedCall(String keyword, CallExpr call) {
        Operand x = new Operand();
        ExprKind k = rawExpr(x, call, null, false);
        String msg = switch (k) {
            case CONVERSION -> "requires function call, not conversion";
            case EXPRESSION -> "discards result of";
            default -> null;
        };
        if (msg != null && !x.invalid()) {
            errorf(x, "%s %s %s", keyword, msg, operandString(x));
        }
    }

    private void returnStmt(ReturnStmt rs) {
        Tuple res = sig.results();
        if (!rs.results.isEmpty()) {
            if (res.len() == 0) {
                List<Operand> ops = exprList(rs.results);
                if (ops.stream().noneMatch(Operand::invalid)) {
                    errorf(rs.results.get(0).pos(), "too many return values\n\thave %s\n\twant ()",
                            typesSummary(ops.stream().map(o -> o.type).toList(), false));
                }
                return;
            }
            initVars(res.vars(), rs.results, rs);
        } else if (res.len() > 0 && !res.at(0).name().isEmpty()) {
            for (Var v : res.vars()) {
                Obj alt = scope.lookupParent(v.name());
                if (alt != null && alt != v) {
                    errorf(rs.pos(), "result parameter %s not in scope at return\n\tinner declaration of %s", v.name(), v.name());
                }
            }
        } else if (res.len() > 0) {
            errorf(rs.pos(), "not enough return values\n\thave ()\n\twant %s",
                    typesSummary(res.vars().stream().map(Var::type).toList(), false));
        }
    }

    // ---- switches

    private void switchStmt(int inner, SwitchStmt ss) {
        openScope(ss, "switch");
        simpleStmt(ss.init);
        Operand x = new Operand();
        if (ss.tag != null) {
            expr(x, ss.tag);
            assignment(x, null, "switch expression");
            if (!x.invalid() && !Predicates.comparable(x.type) && !Predicates.hasNil(x.type)) {
                errorf(x, "cannot switch on %s (%s is not comparable)", operandString(x), str(x.type));
                x.setInvalid();
            }
        } else {
            x.setConst(Universe.BOOL, Constant.makeBool(true));
            x.expr = new Ident(ss.body.lbrace, "true");
        }
        int first = -1;
        List<Stmt> clauses = ss.body.list;
        java.util.Map<String, Expr> seen = new HashMap<>();
        for (int i = 0; i < clauses.size(); i++) {
            if (!(clauses.get(i) instanceof CaseClause cc)) {
                continue;
            }
            if (cc.list == null || cc.list.isEmpty()) {
                if (first >= 0) {
                    errorf(cc.pos(), "multiple defaults in switch (first at %s)", fset.position(clauses.get(first).pos()));
                } else {
                    first = i;
                }
            } else {
                for (Expr e : cc.list) {
                    caseValue(x, e, seen);
                }
            }
            openScope(cc, "case");
            int c = inner | BREAK_OK;
            if (i + 1 < clauses.size()) {
                c |= FALLTHROUGH_OK;
            } else {
                c |= FINAL_SWITCH_CASE;
            }
            stmtList(c, cc.body);
            closeScope();
        }
        closeScope();
    }

    private void caseValue(Operand x, Expr e, java.util.Map<String, Expr> seen) {
        Operand v = new Operand();
        expr(v, e);
        if (x.invalid() || v.invalid()) {
            return;
        }
        convertUntyped(v, x.type);
        if (v.invalid()) {
            return;
        }
        Operand res = v.copy();
        comparison(res, x.copy(), Token.EQL, e, true);
        if (res.invalid()) {
            return;
        }
        // gc (types2 goVal) looks for duplicates among numeric and string constants only.
        if (v.mode == OperandMode.CONSTANT && (v.val.kind().isNumeric() && v.val.kind() != Kind.COMPLEX || v.val.kind() == Kind.STRING)) {
            String key = str(v.type) + ":" + (v.val.kind().isNumeric() ? Constant.toFloat(v.val).exactString() : v.val.exactString());
            Expr prev = seen.putIfAbsent(key, e);
            if (prev != null) {
                errorf(v, "duplicate case %s in expression switch\n\tprevious case at %s", operandString(v), fset.position(prev.pos()));
            }
        }
    }

    private void typeSwitchStmt(int inner, TypeSwitchStmt ts) {
        openScope(ts, "type switch");
        simpleStmt(ts.init);
        Ident lhs = null;
        Expr rhs;
        if (ts.assign instanceof AssignStmt a) {
            if (a.lhs.size() == 1 && a.lhs.get(0) instanceof Ident id) {
                lhs = id;
            }
            rhs = a.rhs.get(0);
        } else {
            rhs = ((ExprStmt) ts.assign).x;
        }
        if (lhs != null && lhs.name.equals("_")) {
            softErrorf(lhs.pos(), "no new variable on left side of :=");
            lhs = null;
        }
        TypeAssertExpr ta = (TypeAssertExpr) unparen(rhs);
        Operand x = new Operand();
        expr(x, ta.x);
        Interface xi = null;
        if (!x.invalid()) {
            if (x.type instanceof TypeParam) {
                errorf(x, "cannot use type switch on type parameter value %s", operandString(x));
                x.setInvalid();
            } else if (x.type.underlying() instanceof Interface i) {
                xi = i;
            } else {
                errorf(x, "%s is not an interface", operandString(x));
                x.setInvalid();
            }
        }
        List<Var> lhsVars = new ArrayList<>();
        int first = -1;
        List<Stmt> clauses = ts.body.list;
        List<Object[]> seen = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            if (!(clauses.get(i) instanceof CaseClause cc)) {
                continue;
            }
            List<Type> types = new ArrayList<>();
            if (cc.list == null || cc.list.isEmpty()) {
                if (first >= 0) {
                    errorf(cc.pos(), "multiple defaults in switch (first at %s)", fset.position(clauses.get(first).pos()));
                } else {
                    first = i;
                }
            } else {
                for (Expr e : cc.list) {
                    Type t;
                    if (unparen(e) instanceof Ident id && id.name.equals("nil") && scope.lookupParent("nil") == Universe.NIL) {
                        t = null;
                        recordUse(id, Universe.NIL);
                    } else {
                        t = typExpr(e);
                        if (t == Universe.INVALID) {
                            types.add(Universe.INVALID);
                            continue;
                        }
                    }
                    for (Object[] p : seen) {
                        Type pt = (Type) p[0];
                        if (t == null ? pt == null : pt != null && Predicates.identical(t, pt)) {
                            errorf(e.pos(), "duplicate case %s in type switch\n\tprevious case at %s", t == null ? "nil" : str(t), fset.position(((Expr) p[1]).pos()));
                        }
                    }
                    seen.add(new Object[] {t, e});
                    if (t != null && xi != null && !x.invalid()) {
                        typeAssertion(e, x, xi, t, true);
                    }
                    types.add(t);
                }
            }
            openScope(cc, "case");
            if (lhs != null) {
                Type vt = x.invalid() ? Universe.INVALID : x.type;
                if (types.size() == 1 && types.get(0) != null) {
                    vt = types.get(0);
                }
                Var v = new Var(lhs.pos(), pkg, lhs.name, vt);
                scope.insert(v);
                lhsVars.add(v);
            }
            stmtList(inner | BREAK_OK | IN_TYPE_SWITCH, cc.body);
            closeScope();
        }
        if (lhs != null) {
            boolean used = false;
            for (Var v : lhsVars) {
                used |= v.used;
                v.used = true; // the symbolic variable is reported once, below
            }
            Var sym = new Var(lhs.pos(), pkg, lhs.name, x.type);
            recordDef(lhs, sym);
            if (!used) {
                softErrorf(lhs.pos(), "%s declared but not used", lhs.name);
            }
        }
        closeScope();
    }

    // ---- range

    private void rangeStmt(int inner, RangeStmt rs) {
        openScope(rs, "range");
        Operand x = new Operand();
        expr(x, rs.x);
        Type key = null;
        Type val = null;
        if (!x.invalid()) {
            Type u = Predicates.coreType(x.type);
            String cause = null;
            if (u == null) {
                cause = "no core type";
            } else {
                switch (u) {
                    case Basic b when b.is(Basic.IS_STRING) -> {
                        key = Universe.INT;
                        val = Universe.RUNE;
                    }
                    case Array a -> {
                        key = Universe.INT;
                        val = a.elem();
                    }
                    case Slice s -> {
                        key = Universe.INT;
                        val = s.elem();
                    }
                    case Pointer p when p.elem().underlying() instanceof Array a -> {
                        key = Universe.INT;
                        val = a.elem();
                    }
                    case Map m -> {
                        key = m.key();
                        val = m.elem();
                    }
                    case Chan c -> {
                        key = c.elem();
                        if (c.dir() == Chan.Dir.SEND_ONLY) {
                            cause = "receive from send-only channel";
                            key = null;
                        } else if (rs.value != null) {
                            softErrorf(rs.value.pos(), "range over %s permits only one iteration variable", operandString(x));
                        }
                    }
                    default -> { }
                }
            }
            if (key == null) {
                if (cause != null) {
                    softErrorf(x.expr.pos(), "cannot range over %s (%s)", operandString(x), cause);
                } else {
                    softErrorf(x.expr.pos(), "cannot range over %s", operandString(x));
                }
            } else if (Predicates.isUntyped(x.type)) {
                convertUntyped(x, Universe.STRING);
            }
        }
        Expr[] lhs = {rs.key, rs.value};
        Type[] rhs = {key, val};
        if (rs.tok == Token.DEFINE) {
            List<Var> vars = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Expr l = lhs[i];
                if (l == null) {
                    continue;
                }
                Var obj;
                if (l instanceof Ident id) {
                    obj = new Var(id.pos(), pkg, id.name, null);
                    recordDef(id, obj);
                    if (id.name.equals("_")) {
                        obj.used = true;
                    }
                } else {
                    errorf(l.pos(), "non-name %s on left side of :=", ExprString.of(l));
                    obj = new Var(l.pos(), pkg, "_", null);
                }
                vars.add(obj);
                obj.type = rhs[i] == null ? Universe.INVALID : rhs[i];
            }
            for (Var v : vars) {
                if (!v.name().equals("_")) {
                    Obj alt = scope.insert(v);
                    if (alt != null) {
                        errorf(v.pos(), "%s redeclared in this block\n\t%s: other declaration of %s", v.name(),
                                fset.position(alt.pos()), v.name());
                    }
                }
            }
        } else if (rs.key != null) {
            for (int i = 0; i < 2; i++) {
                Expr l = lhs[i];
                if (l == null || rhs[i] == null) {
                    continue;
                }
                Operand y = new Operand();
                y.mode = OperandMode.VALUE;
                y.expr = l;
                y.type = rhs[i];
                assignVar(l, y);
            }
        }
        stmt(inner | BREAK_OK | CONTINUE_OK, rs.body);
        closeScope();
    }

    // ---- assignments

    private void assignStmt(AssignStmt as) {
        switch (as.tok) {
            case ASSIGN, DEFINE -> {
                if (as.lhs.isEmpty() || as.rhs.isEmpty()) {
                    error(as.pos(), "invalid assignment");
                    return;
                }
                if (as.tok == Token.DEFINE) {
                    shortVarDecl(as);
                } else {
                    assignVars(as.lhs, as.rhs);
                }
            }
            default -> {
                if (as.lhs.size() != 1 || as.rhs.size() != 1) {
                    errorf(as.tokPos, "assignment operation %s requires single-valued expressions", as.tok.text());
                    return;
                }
                Token op = as.tok.assignOpBase();
                Operand x = new Operand();
                binary(x, null, as.lhs.get(0), as.rhs.get(0), op, as.tokPos);
                if (x.invalid()) {
                    return;
                }
                assignVar(as.lhs.get(0), x);
            }
        }
    }

    /** Evaluates rhs expressions; returns the operands (a tuple is spread) and whether commaOk applies. */
    List<Operand> rhsList(List<Expr> rhs, boolean allowCommaOk, boolean[] commaOk) {
        if (rhs.size() == 1) {
            Operand x = new Operand();
            rawExpr(x, rhs.get(0), null, false);
            exclude(x, true, true, true);
            if (x.mode == OperandMode.VALUE && x.type instanceof Tuple t) {
                List<Operand> out = new ArrayList<>();
                for (Var v : t.vars()) {
                    Operand o = new Operand();
                    o.mode = OperandMode.VALUE;
                    o.expr = rhs.get(0);
                    o.type = v.type();
                    out.add(o);
                }
                return out;
            }
            if (allowCommaOk && (x.mode == OperandMode.MAPINDEX || x.mode == OperandMode.COMMAOK)) {
                Operand y = new Operand();
                y.mode = OperandMode.VALUE;
                y.expr = rhs.get(0);
                y.type = Universe.UNTYPED_BOOL;
                commaOk[0] = true;
                Operand x2 = x.copy();
                x2.mode = OperandMode.VALUE;
                return new ArrayList<>(List.of(x2, y));
            }
            return new ArrayList<>(List.of(x));
        }
        List<Operand> out = new ArrayList<>();
        for (Expr e : rhs) {
            Operand x = new Operand();
            expr(x, e);
            out.add(x);
        }
        return out;
    }

    void assignError(List<Expr> rhs, int nvars, int nvals) {
        String vars = nvars + " variable" + (nvars == 1 ? "" : "s");
        String vals = nvals + " value" + (nvals == 1 ? "" : "s");
        Expr r0 = rhs.get(0);
        if (rhs.size() == 1 && unparen(r0) instanceof CallExpr c) {
            errorf(syntaxPos(r0), "assignment mismatch: %s but %s returns %s", vars, ExprString.of(c.fun), vals);
            return;
        }
        errorf(syntaxPos(r0), "assignment mismatch: %s but %s", vars, vals);
    }

    void assignVars(List<Expr> lhs, List<Expr> orhs) {
        boolean[] commaOk = new boolean[1];
        List<Operand> rhs = rhsList(orhs, lhs.size() == 2, commaOk);
        if (lhs.size() != rhs.size()) {
            useLhs(lhs);
            for (Operand x : rhs) {
                if (x.invalid()) {
                    return;
                }
            }
            assignError(orhs, lhs.size(), rhs.size());
            return;
        }
        for (int i = 0; i < lhs.size(); i++) {
            assignVar(lhs.get(i), rhs.get(i));
        }
    }

    private void useLhs(List<Expr> lhs) {
        for (Expr e : lhs) {
            Expr u = unparen(e);
            if (u instanceof Ident id) {
                if (id.name.equals("_")) {
                    continue;
                }
                Obj o = scope.lookupParent(id.name);
                if (o instanceof Var v && v.pkg() == pkg) {
                    boolean used = v.used;
                    use(e);
                    v.used = used;
                    continue;
                }
            }
            use(e);
        }
    }

    /** go/types {@code assignVar}: assigns x to the variable denoted by lhs. */
    Type assignVar(Expr lhs, Operand x) {
        if (x.invalid()) {
            useLhs(List.of(lhs));
            return null;
        }
        Expr ul = unparen(lhs);
        if (ul instanceof Ident id && id.name.equals("_")) {
            recordDef(id, null);
            assignment(x, null, "assignment to _ identifier");
            return x.invalid() ? null : x.type;
        }
        // An assignment to a local variable is not a use of it.
        Var v = null;
        boolean vUsed = false;
        if (ul instanceof Ident id) {
            Obj o = scope.lookupParent(id.name);
            if (o instanceof Var lv && lv.pkg() == pkg) {
                v = lv;
                vUsed = v.used;
            }
        }
        Operand z = new Operand();
        expr(z, lhs);
        if (v != null) {
            v.used = vUsed;
        }
        switch (z.mode) {
            case INVALID -> {
                return null;
            }
            case VARIABLE, MAPINDEX -> { }
            default -> {
                if (z.expr instanceof SelectorExpr sel) {
                    Operand op = new Operand();
                    int n = errors.size();
                    expr(op, sel.x);
                    while (errors.size() > n) {
                        errors.remove(errors.size() - 1);
                    }
                    if (op.mode == OperandMode.MAPINDEX) {
                        errorf(z, "cannot assign to struct field %s in map", ExprString.of(z.expr));
                        return null;
                    }
                }
                errorf(z, "cannot assign to %s (neither addressable nor a map index expression)", operandString(z));
                return null;
            }
        }
        assignment(x, z.type, "assignment");
        if (x.invalid() && v != null) {
            v.used = true; // gc reports no unused variable after a failed assignment to it
        }
        return x.invalid() ? null : x.type;
    }

    private void shortVarDecl(AssignStmt as) {
        List<Var> lhsVars = new ArrayList<>();
        List<Var> newVars = new ArrayList<>();
        boolean hasErr = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Expr l : as.lhs) {
            if (!(l instanceof Ident id)) {
                use(l);
                errorf(l.pos(), "non-name %s on left side of :=", ExprString.of(l));
                hasErr = true;
                lhsVars.add(new Var(l.pos(), pkg, "_", null));
                continue;
            }
            String name = id.name;
            if (!name.equals("_") && !seen.add(name)) {
                errorf(id.pos(), "%s repeated on left side of :=", name);
                hasErr = true;
                lhsVars.add(new Var(id.pos(), pkg, "_", null));
                continue;
            }
            Obj alt = scope.lookup(name);
            if (alt != null) {
                recordUse(id, alt);
                if (alt instanceof Var av) {
                    lhsVars.add(av);
                } else {
                    errorf(id.pos(), "cannot assign to %s", ExprString.of(l));
                    hasErr = true;
                    lhsVars.add(new Var(id.pos(), pkg, "_", null));
                }
                continue;
            }
            Var obj = new Var(id.pos(), pkg, name, null);
            lhsVars.add(obj);
            if (!name.equals("_")) {
                newVars.add(obj);
            } else {
                obj.used = true;
            }
            recordDef(id, obj);
        }
        // New variables get their types from the initialization; existing ones are assigned.
        boolean[] commaOk = new boolean[1];
        List<Operand> rhs = rhsList(as.rhs, as.lhs.size() == 2, commaOk);
        if (lhsVars.size() != rhs.size()) {
            for (Var v : lhsVars) {
                v.used = true;
                if (v.type == null) {
                    v.type = Universe.INVALID;
                }
            }
            boolean anyInvalid = rhs.stream().anyMatch(Operand::invalid);
            if (!anyInvalid) {
                assignError(as.rhs, lhsVars.size(), rhs.size());
            }
        } else {
            int before = errors.size();
            for (int i = 0; i < lhsVars.size(); i++) {
                Var v = lhsVars.get(i);
                Operand x = rhs.get(i);
                if (v.type == null) {
                    initVar(v, x, "assignment");
                } else if (newVars.contains(v) || v.name().equals("_")) {
                    initVar(v, x, "assignment");
                } else {
                    boolean used = v.used;
                    if (x.invalid()) {
                        continue;
                    }
                    assignment(x, v.type, "assignment");
                    v.used = used;
                }
            }
            if (errors.size() > before || rhs.stream().anyMatch(Operand::invalid)) {
                // avoid follow-on "declared but not used" errors when an initialization failed
                lhsVars.forEach(v -> v.used = true);
            }
        }
        for (Var v : newVars) {
            if (v.type == null) {
                v.type = Universe.INVALID;
            }
            scope.insert(v);
        }
        if (newVars.isEmpty() && !hasErr) {
            softErrorf(as.tokPos, "no new variables on left side of :=");
        }
    }

    /** go/types {@code initVar}: initializes v with x, inferring v's type when it has none. */
    Type initVar(Var v, Operand x, String context) {
        if (x.invalid() || v.type == Universe.INVALID) {
            if (v.type == null) {
                v.type = Universe.INVALID;
            }
            v.used = true;
            return null;
        }
        if (v.type == null) {
            Type t = x.type;
            if (Predicates.isUntyped(t)) {
                if (t == Universe.UNTYPED_NIL) {
                    errorf(x, "use of untyped nil in %s", context);
                    v.type = Universe.INVALID;
                    v.used = true;
                    return null;
                }
                t = Predicates.defaultType(t);
            }
            v.type = t;
        }
        assignment(x, v.type, context);
        if (x.invalid()) {
            v.used = true;
            return null;
        }
        return x.type;
    }

    /** go/types {@code initVars}: initializes lhs from rhs expressions (declarations and returns). */
    void initVars(List<Var> lhs, List<Expr> orhs, ReturnStmt ret) {
        boolean[] commaOk = new boolean[1];
        List<Operand> rhs = rhsList(orhs, lhs.size() == 2 && ret == null, commaOk);
        if (lhs.size() != rhs.size()) {
            for (Var v : lhs) {
                v.used = true;
                if (v.type == null) {
                    v.type = Universe.INVALID;
                }
            }
            for (Operand x : rhs) {
                if (x.invalid()) {
                    return;
                }
            }
            if (ret != null) {
                int at = ret.pos();
                String q = "not enough";
                if (rhs.size() > lhs.size()) {
                    at = rhs.get(lhs.size()).expr.pos();
                    q = "too many";
                } else if (!rhs.isEmpty()) {
                    at = rhs.get(rhs.size() - 1).expr.pos();
                }
                errorf(at, "%s return values\n\thave %s\n\twant %s", q,
                        typesSummary(rhs.stream().map(o -> o.type).toList(), false),
                        typesSummary(lhs.stream().map(Var::type).toList(), false));
                return;
            }
            assignError(orhs, lhs.size(), rhs.size());
            return;
        }
        String context = ret != null ? "return statement" : "assignment";
        boolean ok = true;
        for (int i = 0; i < lhs.size(); i++) {
            if (ret != null) {
                Operand x = rhs.get(i);
                assignment(x, lhs.get(i).type(), context);
                ok &= !x.invalid();
            } else if (initVar(lhs.get(i), rhs.get(i), context) == null) {
                ok = false;
            }
        }
        if (!ok && ret == null) {
            for (Var v : lhs) {
                v.used = true;
            }
        }
    }
}
