package glassgo.compiler.syntax;

import glassgo.compiler.ast.AssignStmt;
import glassgo.compiler.ast.BlockStmt;
import glassgo.compiler.ast.BranchStmt;
import glassgo.compiler.ast.CaseClause;
import glassgo.compiler.ast.CommClause;
import glassgo.compiler.ast.DeclStmt;
import glassgo.compiler.ast.EmptyStmt;
import glassgo.compiler.ast.ExprString;
import glassgo.compiler.ast.ForStmt;
import glassgo.compiler.ast.IfStmt;
import glassgo.compiler.ast.LabeledStmt;
import glassgo.compiler.ast.RangeStmt;
import glassgo.compiler.ast.SelectStmt;
import glassgo.compiler.ast.Spec;
import glassgo.compiler.ast.Stmt;
import glassgo.compiler.ast.SwitchStmt;
import glassgo.compiler.ast.TypeSwitchStmt;
import glassgo.compiler.ast.ValueSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks labels, goto, break, continue and fallthrough in one function body, as gc's parser does
 * after each function (cmd/compile/internal/syntax/branches.go, run in CheckBranches mode; gc then
 * tells its type checker to ignore branch errors). Errors use gc's words, e.g. {@code label L
 * defined and not used} or {@code goto L jumps into block starting at file:line:col}.
 *
 * <p>The walk keeps, per block, the gotos whose label has not been seen yet; when a label is
 * declared, pending gotos in the same block resolve to it (and are checked for jumping over a
 * variable declaration), and at the end of a block the still pending ones move to the parent.
 * Function literals are separate functions and are checked when their own body is parsed.
 */
final class Branches {
    private final SourceFile file;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final Map<String, Label> labels = new HashMap<>();

    private record Block(Block parent, int start, LabeledStmt lstmt) {}

    private static final class Label {
        final Block parent;
        final LabeledStmt lstmt;
        boolean used;

        Label(Block parent, LabeledStmt lstmt) {
            this.parent = parent;
            this.lstmt = lstmt;
        }
    }

    /** The statements break and continue may target, and the index of the enclosing switch case. */
    private record Targets(Stmt breaks, Stmt continues, int caseIndex) {}

    private Branches(SourceFile file) {
        this.file = file;
    }

    /** Reports, sorted by position, the branch errors of a function body to {@code report}. */
    static void check(SourceFile file, BlockStmt body, ErrorHandler report) {
        if (body == null) {
            return;
        }
        Branches b = new Branches(file);
        List<BranchStmt> fwd = b.blockBranches(null, new Targets(null, null, -1), null, body.pos(), body.list);
        for (BranchStmt g : fwd) {
            String name = g.label.name;
            Label l = b.labels.get(name);
            if (l != null) {
                l.used = true; // avoid "defined and not used"
                b.err(g.label.pos(), "goto " + name + " jumps into block starting at " + b.where(l.parent.start));
            } else {
                b.err(g.label.pos(), "label " + name + " not defined");
            }
        }
        for (Label l : b.labels.values()) {
            if (!l.used) {
                b.err(l.lstmt.label.pos(), "label " + l.lstmt.label.name + " defined and not used");
            }
        }
        b.errors.sort(Comparator.comparingInt((Diagnostic d) -> d.pos().offset()));
        for (Diagnostic d : b.errors) {
            report.error(d.pos(), d.message());
        }
    }

    private void err(int pos, String msg) {
        errors.add(new Diagnostic(file.position(pos), msg));
    }

    private String where(int pos) {
        return file.position(pos).toString();
    }

    private Label declare(Block b, LabeledStmt s) {
        String name = s.label.name;
        Label alt = labels.get(name);
        if (alt != null) {
            err(s.label.pos(), "label " + name + " already defined at " + where(alt.lstmt.label.pos()));
            return alt;
        }
        Label l = new Label(b, s);
        labels.put(name, l);
        return l;
    }

    /** The labeled statement a backward goto reaches from block b, or null if none is visible. */
    private LabeledStmt gotoTarget(Block b, String name) {
        Label l = labels.get(name);
        if (l != null) {
            l.used = true; // even if it's not a valid target
            for (; b != null; b = b.parent) {
                if (l.parent == b) {
                    return l.lstmt;
                }
            }
        }
        return null;
    }

    /** Marker for a label that exists but does not label an enclosing statement. */
    private static final LabeledStmt INVALID = new LabeledStmt(
            new glassgo.compiler.ast.Ident(0, "_"), 0, new EmptyStmt(0, true));

    private LabeledStmt enclosingTarget(Block b, String name) {
        Label l = labels.get(name);
        if (l == null) {
            return null;
        }
        l.used = true; // even if it's not a valid target (see test/fixedbugs/bug136.go)
        for (; b != null; b = b.parent) {
            if (l.lstmt == b.lstmt) {
                return l.lstmt;
            }
        }
        return INVALID;
    }

    /** State of one block's walk: pending forward gotos and the last variable declaration. */
    private final class Walk {
        final Block block;
        final List<BranchStmt> fwdGotos = new ArrayList<>();
        List<BranchStmt> badGotos = new ArrayList<>();
        int varPos;
        String varName;

        Walk(Block block) {
            this.block = block;
        }

        void recordVarDecl(int pos, String name) {
            varPos = pos;
            varName = name;
            badGotos = new ArrayList<>(fwdGotos);
        }

        boolean jumpsOverVarDecl(BranchStmt fwd) {
            return varPos != 0 && badGotos.stream().anyMatch(b -> b == fwd);
        }

        void inner(Targets ctxt, LabeledStmt lstmt, int start, List<Stmt> body) {
            fwdGotos.addAll(blockBranches(block, ctxt, lstmt, start, body));
        }
    }

    private List<BranchStmt> blockBranches(Block parent, Targets ctxt, LabeledStmt lstmt, int start, List<Stmt> body) {
        Walk w = new Walk(new Block(parent, start, lstmt));
        List<Stmt> list = trimTrailingEmptyStmts(body);
        for (int i = 0; i < list.size(); i++) {
            Stmt stmt = list.get(i);
            LabeledStmt labeled = null;
            while (stmt instanceof LabeledStmt s) {
                String name = s.label.name;
                if (!name.equals("_")) {
                    Label l = declare(w.block, s);
                    List<BranchStmt> still = new ArrayList<>();
                    for (BranchStmt fwd : w.fwdGotos) {
                        if (fwd.label.name.equals(name)) {
                            l.used = true;
                            if (w.jumpsOverVarDecl(fwd)) {
                                err(fwd.label.pos(), "goto " + name + " jumps over declaration of " + w.varName
                                        + " at " + where(w.varPos));
                            }
                        } else {
                            still.add(fwd);
                        }
                    }
                    w.fwdGotos.clear();
                    w.fwdGotos.addAll(still);
                    labeled = s;
                }
                stmt = s.stmt;
            }
            statement(w, ctxt, labeled, stmt, i, list.size());
        }
        return w.fwdGotos;
    }

    private void statement(Walk w, Targets ctxt, LabeledStmt lstmt, Stmt stmt, int index, int count) {
        switch (stmt) {
            case DeclStmt d -> {
                if (d.decl.tok == Token.VAR) {
                    for (Spec sp : d.decl.specs) {
                        ValueSpec v = (ValueSpec) sp;
                        w.recordVarDecl(v.pos(), v.names.get(0).name);
                        break; // the first one will do
                    }
                }
            }
            case BranchStmt s -> branch(w, ctxt, s, index, count);
            case AssignStmt s -> {
                if (s.tok == Token.DEFINE) {
                    w.recordVarDecl(s.tokPos, ExprString.of(s.lhs));
                }
            }
            case BlockStmt s -> w.inner(new Targets(ctxt.breaks, ctxt.continues, -1), lstmt, s.pos(), s.list);
            case IfStmt s -> {
                Targets inner = new Targets(ctxt.breaks, ctxt.continues, -1);
                w.inner(inner, lstmt, s.body.pos(), s.body.list);
                if (s.elseStmt != null) {
                    w.inner(inner, lstmt, s.elseStmt.pos(), List.of(s.elseStmt));
                }
            }
            case ForStmt s -> w.inner(new Targets(s, s, -1), lstmt, s.body.pos(), s.body.list);
            case RangeStmt s -> w.inner(new Targets(s, s, -1), lstmt, s.body.pos(), s.body.list);
            case SwitchStmt s -> cases(w, new Targets(s, ctxt.continues, -1), lstmt, s.body.list);
            case TypeSwitchStmt s -> cases(w, new Targets(s, ctxt.continues, -1), lstmt, s.body.list);
            case SelectStmt s -> {
                Targets inner = new Targets(s, ctxt.continues, -1);
                for (Stmt c : s.body.list) {
                    CommClause cc = (CommClause) c;
                    w.inner(inner, lstmt, cc.pos(), cc.body);
                }
            }
            default -> { }
        }
    }

    private void cases(Walk w, Targets inner, LabeledStmt lstmt, List<Stmt> clauses) {
        for (int i = 0; i < clauses.size(); i++) {
            CaseClause cc = (CaseClause) clauses.get(i);
            w.inner(new Targets(inner.breaks, inner.continues, i), lstmt, cc.pos(), cc.body);
        }
    }

    private void branch(Walk w, Targets ctxt, BranchStmt s, int index, int count) {
        if (s.label == null) {
            switch (s.tok) {
                case BREAK -> {
                    if (ctxt.breaks == null) {
                        err(s.pos(), "break is not in a loop, switch, or select");
                    }
                }
                case CONTINUE -> {
                    if (ctxt.continues == null) {
                        err(s.pos(), "continue is not in a loop");
                    }
                }
                case FALLTHROUGH -> {
                    String msg = "fallthrough statement out of place";
                    if (ctxt.breaks instanceof TypeSwitchStmt) {
                        msg = "cannot fallthrough in type switch";
                    } else if (ctxt.breaks instanceof SwitchStmt sw && ctxt.caseIndex >= 0 && index + 1 == count) {
                        if (ctxt.caseIndex + 1 == sw.body.list.size()) {
                            msg = "cannot fallthrough final case in switch";
                        } else {
                            return; // fallthrough ok
                        }
                    }
                    err(s.pos(), msg);
                }
                default -> { } // goto always has a label: the parser demands one
            }
            return;
        }
        String name = s.label.name;
        switch (s.tok) {
            case BREAK -> {
                LabeledStmt t = enclosingTarget(w.block, name);
                if (t == null) {
                    err(s.label.pos(), "break label not defined: " + name);
                } else if (!(t.stmt instanceof SwitchStmt || t.stmt instanceof TypeSwitchStmt
                        || t.stmt instanceof SelectStmt || t.stmt instanceof ForStmt || t.stmt instanceof RangeStmt)) {
                    err(s.label.pos(), "invalid break label " + name);
                }
            }
            case CONTINUE -> {
                LabeledStmt t = enclosingTarget(w.block, name);
                if (t == null) {
                    err(s.label.pos(), "continue label not defined: " + name);
                } else if (!(t.stmt instanceof ForStmt || t.stmt instanceof RangeStmt)) {
                    err(s.label.pos(), "invalid continue label " + name);
                }
            }
            case GOTO -> {
                if (gotoTarget(w.block, name) == null) {
                    w.fwdGotos.add(s);
                }
            }
            default -> { }
        }
    }

    private static List<Stmt> trimTrailingEmptyStmts(List<Stmt> list) {
        int n = list.size();
        while (n > 0 && list.get(n - 1) instanceof EmptyStmt) {
            n--;
        }
        return list.subList(0, n);
    }
}
