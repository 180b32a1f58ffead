package glassgo.compiler.types;

import glassgo.compiler.ast.*;
import java.util.List;

/** The spec's terminating statements (go/types {@code return.go}), behind gc's {@code missing return}. */
final class Terminating {
    /** What each identifier denotes, to tell the builtin panic from a shadowing variable. */
    private final java.util.Map<Ident, Obj> uses;

    Terminating(java.util.Map<Ident, Obj> uses) {
        this.uses = uses;
    }

    boolean isTerminating(Stmt s, String label) {
        return switch (s) {
            case ReturnStmt r -> true;
            case BranchStmt b -> b.tok == glassgo.compiler.syntax.Token.GOTO || b.tok == glassgo.compiler.syntax.Token.FALLTHROUGH;
            case ExprStmt e -> e.x instanceof CallExpr c && isPanic(c);
            case BlockStmt b -> isTerminatingList(b.list, "");
            case LabeledStmt l -> isTerminating(l.stmt, l.label.name);
            case IfStmt i -> i.elseStmt != null && isTerminating(i.body, "") && isTerminating(i.elseStmt, "");
            case SwitchStmt sw -> isTerminatingSwitch(sw.body, label);
            case TypeSwitchStmt ts -> isTerminatingSwitch(ts.body, label);
            case SelectStmt sel -> {
                for (Stmt c : sel.body.list) {
                    CommClause cc = (CommClause) c;
                    if (!isTerminatingList(cc.body, "") || hasBreakList(cc.body, label, true)) {
                        yield false;
                    }
                }
                yield true;
            }
            case ForStmt f -> f.cond == null && !hasBreak(f.body, label, true);
            default -> false;
        };
    }

    private boolean isPanic(CallExpr c) {
        return Exprs.unparen(c.fun) instanceof Ident id && uses.get(id) instanceof Builtin b && b.id() == Builtin.Id.PANIC;
    }

    boolean isTerminatingList(List<Stmt> list, String label) {
        int i = list.size() - 1;
        while (i >= 0 && list.get(i) instanceof EmptyStmt) {
            i--;
        }
        return i >= 0 && isTerminating(list.get(i), label);
    }

    private boolean isTerminatingSwitch(BlockStmt body, String label) {
        boolean hasDefault = false;
        for (Stmt s : body.list) {
            CaseClause cc = (CaseClause) s;
            if (cc.list == null || cc.list.isEmpty()) {
                hasDefault = true;
            }
            if (!isTerminatingList(cc.body, "") || hasBreakList(cc.body, label, true)) {
                return false;
            }
        }
        return hasDefault;
    }

    private static boolean hasBreakList(List<Stmt> list, String label, boolean implicit) {
        for (Stmt s : list) {
            if (hasBreak(s, label, implicit)) {
                return true;
            }
        }
        return false;
    }

    /** Whether s contains a break that targets the enclosing statement (unlabeled if implicit, or labeled). */
    private static boolean hasBreak(Stmt s, String label, boolean implicit) {
        return switch (s) {
            case BranchStmt b -> b.tok == glassgo.compiler.syntax.Token.BREAK
                    && (b.label == null ? implicit : b.label.name.equals(label));
            case BlockStmt b -> hasBreakList(b.list, label, implicit);
            case LabeledStmt l -> hasBreak(l.stmt, label, implicit);
            case IfStmt i -> hasBreak(i.body, label, implicit) || i.elseStmt != null && hasBreak(i.elseStmt, label, implicit);
            case CaseClause c -> hasBreakList(c.body, label, implicit);
            case CommClause c -> hasBreakList(c.body, label, implicit);
            case SwitchStmt sw -> !label.isEmpty() && hasBreak(sw.body, label, false);
            case TypeSwitchStmt ts -> !label.isEmpty() && hasBreak(ts.body, label, false);
            case SelectStmt sel -> !label.isEmpty() && hasBreak(sel.body, label, false);
            case ForStmt f -> !label.isEmpty() && hasBreak(f.body, label, false);
            case RangeStmt r -> !label.isEmpty() && hasBreak(r.body, label, false);
            default -> false;
        };
    }
}
