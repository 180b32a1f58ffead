package glassgo.compiler.syntax;

import glassgo.compiler.ast.ArrayType;
import glassgo.compiler.ast.AssignStmt;
import glassgo.compiler.ast.BadDecl;
import glassgo.compiler.ast.BadExpr;
import glassgo.compiler.ast.BadStmt;
import glassgo.compiler.ast.BasicLit;
import glassgo.compiler.ast.BinaryExpr;
import glassgo.compiler.ast.BlockStmt;
import glassgo.compiler.ast.BranchStmt;
import glassgo.compiler.ast.CallExpr;
import glassgo.compiler.ast.CaseClause;
import glassgo.compiler.ast.ChanDir;
import glassgo.compiler.ast.ChanType;
import glassgo.compiler.ast.Comment;
import glassgo.compiler.ast.CommentGroup;
import glassgo.compiler.ast.CommClause;
import glassgo.compiler.ast.CompositeLit;
import glassgo.compiler.ast.Decl;
import glassgo.compiler.ast.DeclStmt;
import glassgo.compiler.ast.DeferStmt;
import glassgo.compiler.ast.Ellipsis;
import glassgo.compiler.ast.EmptyStmt;
import glassgo.compiler.ast.Expr;
import glassgo.compiler.ast.ExprStmt;
import glassgo.compiler.ast.ExprString;
import glassgo.compiler.ast.Field;
import glassgo.compiler.ast.FieldList;
import glassgo.compiler.ast.File;
import glassgo.compiler.ast.ForStmt;
import glassgo.compiler.ast.FuncDecl;
import glassgo.compiler.ast.FuncLit;
import glassgo.compiler.ast.FuncType;
import glassgo.compiler.ast.GenDecl;
import glassgo.compiler.ast.GoStmt;
import glassgo.compiler.ast.Ident;
import glassgo.compiler.ast.IfStmt;
import glassgo.compiler.ast.ImportSpec;
import glassgo.compiler.ast.IncDecStmt;
import glassgo.compiler.ast.IndexExpr;
import glassgo.compiler.ast.IndexListExpr;
import glassgo.compiler.ast.InterfaceType;
import glassgo.compiler.ast.KeyValueExpr;
import glassgo.compiler.ast.LabeledStmt;
import glassgo.compiler.ast.MapType;
import glassgo.compiler.ast.ParenExpr;
import glassgo.compiler.ast.RangeStmt;
import glassgo.compiler.ast.ReturnStmt;
import glassgo.compiler.ast.SelectStmt;
import glassgo.compiler.ast.SelectorExpr;
import glassgo.compiler.ast.SendStmt;
import glassgo.compiler.ast.SliceExpr;
import glassgo.compiler.ast.Spec;
import glassgo.compiler.ast.StarExpr;
import glassgo.compiler.ast.Stmt;
import glassgo.compiler.ast.StructType;
import glassgo.compiler.ast.SwitchStmt;
import glassgo.compiler.ast.TypeAssertExpr;
import glassgo.compiler.ast.TypeSpec;
import glassgo.compiler.ast.TypeSwitchStmt;
import glassgo.compiler.ast.UnaryExpr;
import glassgo.compiler.ast.ValueSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Recursive-descent parser for Go 1.19 source files, producing the {@link glassgo.compiler.ast} tree.
 *
 * <p>The algorithm and every diagnostic follow gc's parser (cmd/compile/internal/syntax/parser.go)
 * because Go's errorcheck tests match its words: a syntax error reads {@code syntax error: unexpected
 * X, expecting Y} where X describes the current token, and after an error the parser skips ahead to
 * a token of a follow set ({@code advance}), so it always returns a tree, however broken the input.
 * The tree itself has go/ast's shape; where gc and go/parser build different trees (parentheses,
 * type switch guards, range clauses) it is go/parser's form that is built.
 *
 * <p>Three points where Go's grammar is ambiguous and how they are decided, as gc does:
 * <ol>
 *   <li>A {@code {} after an expression in an if/for/switch header opens the block, not a composite
 *       literal, unless the literal type is an explicit array, slice, struct or map type, or the
 *       expression is parenthesized ({@code xnest < 0} marks a header).
 *   <li>{@code type T[P C] ...} is a generic type unless the bracket holds a single expression that
 *       cannot be split into a parameter name and a constraint ({@link #extractName}).
 *   <li>{@code <-chan T} is a channel type when the operand after {@code <-} is a channel type.
 * </ol>
 *
 * <p>Like gc, the parser also checks labels and branch statements of every function body that
 * parsed cleanly ({@link Branches}), so a type checker should not repeat those checks; and like gc,
 * at most one syntax error is reported per line. Nesting deeper than {@link #MAX_NEST}
 * is reported and ends the parse; parsing runs on a thread with a large stack, so that limit (and
 * not the JVM's stack) is what bounds recursion.
 */
public final class Parser {
    /** Maximum nesting of expressions, types and statements, counting binary operator chains. */
    public static final int MAX_NEST = 10_000;
    /** Measured: the deepest shapes at MAX_NEST need under 24 MB (struct, func and interface types). */
    private static final long STACK_BYTES = 128L << 20;

    private final SourceFile file;
    private final Scanner scanner;
    private final ErrorHandler errh;

    private Token tok;
    private int pos;
    private String lit;

    /** Expression nesting; negative inside if/for/switch headers, where '{' opens the block. */
    private int xnest;
    /** Function nesting: inside a body, statement keywords are synchronization points. */
    private int fnest;
    private int nest;
    private int errcnt;
    private int lastSyntaxErrorLine;

    private final List<CommentGroup> comments = new ArrayList<>();
    private CommentGroup leadComment;
    private CommentGroup lineComment;

    private final List<Decl> decls = new ArrayList<>();
    private final List<ImportSpec> imports = new ArrayList<>();
    private CommentGroup fileDoc;
    private int packagePos;
    private Ident packageName;

    /** Set by simpleStmt when it parsed a range clause of a for header. */
    private RangeClause rangeClause;

    private record RangeClause(Expr key, Expr value, int tokPos, Token tok, int range, Expr x) {}

    private record ExprList(List<Expr> list, boolean comma) {}

    private record Params(List<Field> list, int closing) {}

    private record Header(Stmt init, Expr cond, Stmt post, Stmt typeSwitchGuard, RangeClause range) {}

    /** A parameter as gc's paramDeclOrNil sees it before names and types are distributed. */
    private static final class Param {
        Ident name;
        Expr type;
    }

    private static final class Bailout extends RuntimeException {
        Bailout() {
            super("syntax: parse abandoned after exceeding the nesting limit", null, false, false);
        }
    }

    private Parser(SourceFile file, byte[] src, ErrorHandler errh) {
        this.file = file;
        this.errh = errh;
        this.scanner = new Scanner(file, src, (p, msg) -> {
            errcnt++;
            errh.error(p, msg);
        });
        next();
    }

    /**
     * Parses one file, adding it to {@code fset}. Always returns a tree, however broken the input;
     * no exception escapes except one thrown by {@code errh} itself. Diagnostics go to {@code errh}
     * as they are found (source order, except that a function's branch errors follow its body); it
     * runs on a parser thread while the caller waits.
     */
    public static File parseFile(FileSet fset, String filename, byte[] src, ErrorHandler errh) {
        SourceFile sf = fset.addFile(filename, src);
        File empty = new File(null, 0, new Ident(sf.base(), "_"), List.of(), sf.base(), sf.base() + sf.size(),
                List.of(), List.of());
        return onParserThread(sf, errh, () -> new Parser(sf, src, errh).parse(), empty);
    }

    /**
     * Parses a single expression (go/parser ParseExprFrom), e.g. for tests and tools that evaluate
     * expressions. Trailing tokens after the expression are a syntax error. Always returns an
     * expression, a BadExpr if nothing usable was found.
     */
    public static Expr parseExpr(FileSet fset, String filename, byte[] src, ErrorHandler errh) {
        SourceFile sf = fset.addFile(filename, src);
        return onParserThread(sf, errh, () -> new Parser(sf, src, errh).parseExprOnly(),
                new BadExpr(sf.base(), sf.base() + sf.size()));
    }

    private Expr parseExprOnly() {
        try {
            Expr x = expr();
            got(Token.SEMICOLON); // the one inserted at the end of the line
            if (tok != Token.EOF) {
                syntaxError("after expression");
            }
            return x;
        } catch (Bailout b) {
            return new BadExpr(file.base(), file.base() + file.size());
        }
    }

    /** Runs a parse on a big-stack parser thread, turning a stack overflow into a diagnostic. */
    private static <T> T onParserThread(SourceFile sf, ErrorHandler errh, Callable<T> parse, T overflowResult) {
        Future<T> job = PARSE_THREADS.submit(parse);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return job.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable f = e.getCause();
            if (f instanceof StackOverflowError) {
                // Only reachable if the nesting limit is set too high for STACK_BYTES.
                errh.error(sf.position(sf.base()), "exceeded max nesting depth");
                return overflowResult;
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("syntax: parser failed", f);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Parsing runs on reused daemon threads with large stacks: creating a thread per file costs
     * about a millisecond, more than parsing a typical file.
     */
    private static final ExecutorService PARSE_THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "glassgo-parse", STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    private File parse() {
        try {
            sourceFile();
        } catch (Bailout b) {
            // The error is reported; return what was parsed so far.
        }
        Ident name = packageName != null ? packageName : new Ident(file.base(), "_");
        return new File(fileDoc, packagePos, name, decls, file.base(), file.base() + file.size(), imports, comments);
    }

    // ---- tokens and comments

    /** The physical line of p, for the one-error-per-line rule. */
    private int line(int p) {
        return file.rawPosition(p).line();
    }

    /** The line of p after //line directives: go/parser groups comments by these lines. */
    private int commentLine(int p) {
        return file.position(p).line();
    }

    private void next() {
        int prevPos = tok == null ? 0 : pos;
        List<Comment> cs = scanner.comments();
        int k = cs.size();
        scanner.next();
        tok = scanner.tok;
        pos = scanner.pos;
        lit = scanner.lit;
        leadComment = null;
        lineComment = null;
        if (cs.size() > k) {
            groupComments(cs, k, prevPos == 0 ? 0 : commentLine(prevPos));
        }
    }

    /**
     * Groups the comments read before the current token as go/parser does: a group on the line of
     * the previous token is that token's line comment; the last group ending on the line right
     * before the current token is its lead (doc) comment.
     */
    private void groupComments(List<Comment> cs, int from, int prevLine) {
        int i = from;
        int n = cs.size();
        int tokLine = commentLine(pos);
        if (prevLine > 0 && commentLine(cs.get(i).pos()) == prevLine) {
            int j = i;
            int endline = commentLine(cs.get(j).end());
            j++;
            while (j < n && commentLine(cs.get(j).pos()) <= endline) {
                endline = commentLine(cs.get(j).end());
                j++;
            }
            CommentGroup g = new CommentGroup(cs.subList(i, j));
            comments.add(g);
            if (tokLine != endline || tok == Token.SEMICOLON || tok == Token.EOF) {
                lineComment = g;
            }
            i = j;
        }
        int endline = -1;
        CommentGroup last = null;
        while (i < n) {
            int j = i;
            endline = commentLine(cs.get(j).end());
            j++;
            while (j < n && commentLine(cs.get(j).pos()) <= endline + 1) {
                endline = commentLine(cs.get(j).end());
                j++;
            }
            last = new CommentGroup(cs.subList(i, j));
            comments.add(last);
            i = j;
        }
        if (last != null && endline + 1 == tokLine) {
            leadComment = last;
        }
    }

    private boolean got(Token t) {
        if (tok == t) {
            next();
            return true;
        }
        return false;
    }

    private void want(Token t) {
        if (!got(t)) {
            syntaxError("expecting " + tokstring(t));
            advance();
        }
    }

    /** Like got(ASSIGN) but also accepts ":=" with an error; returns the position of the '=' or 0. */
    private int gotAssign() {
        if (tok == Token.DEFINE) {
            syntaxError("expecting =");
        } else if (tok != Token.ASSIGN) {
            return 0;
        }
        int p = pos;
        next();
        return p;
    }

    private void enter() {
        if (++nest > MAX_NEST) {
            errorAt(pos, "exceeded max nesting depth");
            throw new Bailout();
        }
    }

    private void leave() {
        nest--;
    }

    // ---- errors

    private void errorAt(int p, String msg) {
        errcnt++;
        errh.error(file.position(p), msg);
    }

    private void error(String msg) {
        errorAt(pos, msg);
    }

    private void syntaxError(String msg) {
        syntaxErrorAt(pos, msg);
    }

    /** gc's syntaxErrorAt: "in/at/after ..." and "expecting ..." messages name the current token. */
    private void syntaxErrorAt(int p, String msg) {
        if (tok == Token.EOF && errcnt > 0) {
            return; // avoid meaningless follow-up errors
        }
        if (msg.startsWith("in ") || msg.startsWith("at ") || msg.startsWith("after ")) {
            msg = " " + msg;
        } else if (msg.startsWith("expecting ")) {
            msg = ", " + msg;
        } else if (!msg.isEmpty()) {
            reportSyntax(p, "syntax error: " + msg);
            return;
        }
        reportSyntax(p, "syntax error: unexpected " + tokenDescription() + msg);
    }

    /** gc reports at most one syntax error per line (cmd/compile/internal/base ErrorfAt). */
    private void reportSyntax(int p, String msg) {
        int l = line(p);
        if (l == lastSyntaxErrorLine) {
            errcnt++;
            return;
        }
        lastSyntaxErrorLine = l;
        errorAt(p, msg);
    }

    private String tokenDescription() {
        return switch (tok) {
            case IDENT, SEMICOLON -> lit;
            case INT, FLOAT, IMAG, CHAR, STRING -> "literal " + lit;
            case COMMA -> "comma";
            default -> tok.text();
        };
    }

    /** The English word for a token in "expecting" messages (gc tokstring). */
    private static String tokstring(Token t) {
        return switch (t) {
            case COMMA -> "comma";
            case SEMICOLON -> "semicolon or newline";
            case IDENT -> "name";
            default -> t.text();
        };
    }

    private static final Set<Token> STOPSET = EnumSet.of(Token.BREAK, Token.CONST, Token.CONTINUE, Token.DEFER,
            Token.FALLTHROUGH, Token.FOR, Token.GO, Token.GOTO, Token.IF, Token.RETURN, Token.SELECT, Token.SWITCH,
            Token.TYPE, Token.VAR);

    /**
     * Skips tokens until one of {@code follow} (or, inside a function, a statement keyword) or EOF.
     * With an empty follow list exactly one token is skipped, to guarantee progress.
     */
    private void advance(Token... follow) {
        if (follow.length == 0) {
            if (tok != Token.EOF) {
                next();
            }
            return;
        }
        EnumSet<Token> set = EnumSet.of(Token.EOF, follow);
        if (fnest > 0) {
            set.addAll(STOPSET);
        }
        while (!set.contains(tok)) {
            next();
        }
    }

    /**
     * list = [ f { sep f } [sep] ] close. Calls {@code f} for each element until it returns true;
     * returns the position of the closing token.
     */
    private int list(String context, Token sep, Token close, BooleanSupplier f) {
        boolean done = false;
        while (tok != Token.EOF && tok != close && !done) {
            done = f.getAsBoolean();
            if (!got(sep) && tok != close) {
                syntaxError("in " + context + "; possibly missing " + tokstring(sep) + " or " + tokstring(close));
                advance(Token.RPAREN, Token.RBRACK, Token.RBRACE);
                if (tok != close) {
                    return pos;
                }
            }
        }
        int p = pos;
        want(close);
        return p;
    }

    private BadExpr badExpr() {
        return new BadExpr(pos, pos);
    }

    // ---- files and declarations

    private void sourceFile() {
        fileDoc = leadComment;
        packagePos = pos;
        if (!got(Token.PACKAGE)) {
            syntaxError("package statement must be first");
            packagePos = 0;
            return;
        }
        packageName = name();
        want(Token.SEMICOLON);
        if (errcnt > 0) {
            return; // don't bother continuing if the package clause has errors
        }
        while (tok == Token.IMPORT) {
            decls.add(genDecl(Token.IMPORT, this::importSpec));
            want(Token.SEMICOLON);
        }
        while (tok != Token.EOF) {
            switch (tok) {
                case CONST -> decls.add(genDecl(Token.CONST, this::constSpec));
                case TYPE -> decls.add(genDecl(Token.TYPE, this::typeSpec));
                case VAR -> decls.add(genDecl(Token.VAR, this::varSpec));
                case FUNC -> decls.add(funcDecl());
                default -> {
                    if (tok == Token.LBRACE && !decls.isEmpty() && decls.get(decls.size() - 1) instanceof FuncDecl fd
                            && fd.body == null) {
                        syntaxError("unexpected semicolon or newline before {");
                    } else {
                        syntaxError("non-declaration statement outside function body");
                    }
                    advance(Token.CONST, Token.TYPE, Token.VAR, Token.FUNC);
                    continue;
                }
            }
            if (tok != Token.EOF && !got(Token.SEMICOLON)) {
                syntaxError("after top level declaration");
                advance(Token.CONST, Token.TYPE, Token.VAR, Token.FUNC);
            }
        }
    }

    /** A declaration keyword followed by one spec or a parenthesized group of specs. */
    private GenDecl genDecl(Token keyword, Function<CommentGroup, Spec> spec) {
        CommentGroup doc = leadComment;
        int tokPos = pos;
        next();
        List<Spec> specs = new ArrayList<>();
        if (tok == Token.LPAREN) {
            int lparen = pos;
            next();
            int rparen = list("grouped declaration", Token.SEMICOLON, Token.RPAREN, () -> {
                Spec s = spec.apply(leadComment);
                if (s != null) {
                    specs.add(s);
                }
                return false;
            });
            return new GenDecl(doc, tokPos, keyword, lparen, specs, rparen);
        }
        Spec s = spec.apply(null);
        if (s != null) {
            specs.add(s);
        }
        return new GenDecl(doc, tokPos, keyword, 0, specs, 0);
    }

    /** The line comment of a spec or field that ends here, if the next token ends the line. */
    private CommentGroup trailingComment() {
        return tok == Token.SEMICOLON ? lineComment : null;
    }

    private Spec importSpec(CommentGroup doc) {
        Ident local = null;
        if (tok == Token.IDENT) {
            local = name();
        } else if (tok == Token.PERIOD) {
            local = new Ident(pos, ".");
            next();
        }
        BasicLit path = oliteral();
        if (path == null) {
            syntaxError("missing import path");
            advance(Token.SEMICOLON, Token.RPAREN);
            return null;
        }
        if (path.kind != Token.STRING) {
            syntaxError("import path must be a string");
        }
        ImportSpec s = new ImportSpec(doc, local, path, trailingComment(), 0);
        imports.add(s);
        return s;
    }

    private Spec constSpec(CommentGroup doc) {
        List<Ident> names = nameList(name());
        Expr type = null;
        List<Expr> values = List.of();
        if (tok != Token.EOF && tok != Token.SEMICOLON && tok != Token.RPAREN) {
            type = typeOrNil();
            if (gotAssign() != 0) {
                values = exprList();
            }
        }
        return new ValueSpec(doc, names, type, values, trailingComment());
    }

    private Spec varSpec(CommentGroup doc) {
        List<Ident> names = nameList(name());
        Expr type = null;
        List<Expr> values = List.of();
        if (gotAssign() != 0) {
            values = exprList();
        } else {
            type = type_();
            if (gotAssign() != 0) {
                values = exprList();
            }
        }
        return new ValueSpec(doc, names, type, values, trailingComment());
    }

    /** TypeSpec = identifier [ TypeParams ] [ "=" ] Type. */
    private Spec typeSpec(CommentGroup doc) {
        Ident name = name();
        FieldList tparams = null;
        int assign = 0;
        Expr type;
        if (tok == Token.LBRACK) {
            // An array or slice type, or a type parameter list.
            int lbrack = pos;
            next();
            if (tok == Token.IDENT) {
                Expr x = name();
                if (tok != Token.LBRACK) {
                    xnest++;
                    x = binaryExpr(pexpr(x), 0);
                    xnest--;
                }
                Expr[] split = extractName(x, tok == Token.COMMA);
                if (split[0] != null && (split[1] != null || tok != Token.RBRACK)) {
                    Params ps = paramList((Ident) split[0], split[1], Token.RBRACK, true);
                    tparams = new FieldList(lbrack, ps.list, ps.closing);
                    assign = gotAssign();
                    type = typeOrNil();
                } else {
                    type = arrayType(lbrack, x);
                }
            } else if (tok == Token.RBRACK) {
                next();
                type = new ArrayType(lbrack, null, type_());
            } else {
                type = arrayType(lbrack, null);
            }
        } else {
            assign = gotAssign();
            type = typeOrNil();
        }
        if (type == null) {
            type = badExpr();
            syntaxError("in type declaration");
            advance(Token.SEMICOLON, Token.RPAREN);
        }
        return new TypeSpec(doc, name, tparams, assign, type, trailingComment());
    }

    /**
     * Splits x into a type parameter name and constraint if x can be read as {@code name expr}
     * (gc extractName): returns {name, constraint}, {name, null} for a lone name, or {null, x}.
     */
    private static Expr[] extractName(Expr x, boolean force) {
        switch (x) {
            case Ident id -> {
                return new Expr[] {id, null};
            }
            case BinaryExpr b when b.op == Token.MUL -> {
                if (b.x instanceof Ident id && (force || isTypeElem(b.y))) {
                    return new Expr[] {id, new StarExpr(b.opPos, b.y)};
                }
            }
            case BinaryExpr b when b.op == Token.OR -> {
                Expr[] lhs = extractName(b.x, force || isTypeElem(b.y));
                if (lhs[0] != null && lhs[1] != null) {
                    return new Expr[] {lhs[0], new BinaryExpr(lhs[1], b.opPos, Token.OR, b.y)};
                }
            }
            case CallExpr c -> {
                if (c.fun instanceof Ident id && c.args.size() == 1 && c.ellipsis == 0
                        && (force || isTypeElem(c.args.get(0)))) {
                    return new Expr[] {id, c.args.get(0)};
                }
            }
            default -> { }
        }
        return new Expr[] {null, x};
    }

    /** Whether x is certainly a type element and not a value expression (gc isTypeElem). */
    private static boolean isTypeElem(Expr x) {
        return switch (x) {
            case ArrayType t -> true;
            case StructType t -> true;
            case FuncType t -> true;
            case InterfaceType t -> true;
            case MapType t -> true;
            case ChanType t -> true;
            case BinaryExpr b -> isTypeElem(b.x) || isTypeElem(b.y);
            case UnaryExpr u -> u.op == Token.TILDE || isTypeElem(u.x);
            case StarExpr s -> isTypeElem(s.x);
            case ParenExpr p -> isTypeElem(p.x);
            default -> false;
        };
    }

    private Decl funcDecl() {
        CommentGroup doc = leadComment;
        int funcPos = pos;
        next();
        FieldList recv = null;
        if (tok == Token.LPAREN) {
            int lparen = pos;
            next();
            Params ps = paramList(null, null, Token.RPAREN, false);
            recv = new FieldList(lparen, ps.list, ps.closing);
            int n = recv.numFields();
            if (n == 0) {
                error("method has no receiver");
            } else if (n > 1) {
                error("method has multiple receivers");
            }
        }
        if (tok != Token.IDENT) {
            syntaxError("expecting name or (");
            advance(Token.LBRACE, Token.SEMICOLON);
            return new BadDecl(funcPos, pos);
        }
        Ident name = name();
        FuncType type = funcType(recv != null ? "method" : "", funcPos);
        BlockStmt body = null;
        if (tok == Token.LBRACE) {
            body = funcBody();
        }
        return new FuncDecl(doc, recv, name, type, body);
    }

    /** A function body; if it parsed cleanly, its labels and branches are checked as gc does. */
    private BlockStmt funcBody() {
        int errorsBefore = errcnt;
        fnest++;
        BlockStmt body = blockStmt("");
        fnest--;
        if (errcnt == errorsBefore) {
            // After syntax errors the tree may be incomplete and branch errors spurious (test/switch2.go).
            // Branch errors go straight to the handler, as gc's checkBranches(body, p.errh): they are
            // not syntax errors, so they must not silence a later "unexpected EOF" (found by the fuzzer).
            Branches.check(file, body, errh::error);
        }
        return body;
    }

    // ---- expressions

    private Expr expr() {
        return binaryExpr(null, 0);
    }

    private List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (got(Token.COMMA)) {
            list.add(expr());
        }
        return list;
    }

    private Expr binaryExpr(Expr x, int prec) {
        if (x == null) {
            x = unaryExpr();
        }
        int depth = 0;
        try {
            while (tok.precedence() > prec) {
                // A long operator chain makes a deep tree: count it against the nesting limit.
                enter();
                depth++;
                int opPos = pos;
                Token op = tok;
                next();
                Expr y = binaryExpr(null, op.precedence());
                x = new BinaryExpr(x, opPos, op, y);
            }
        } finally {
            nest -= depth;
        }
        return x;
    }

    private Expr unaryExpr() {
        enter();
        try {
            switch (tok) {
                case ADD, SUB, NOT, XOR, TILDE, AND -> {
                    int opPos = pos;
                    Token op = tok;
                    next();
                    return new UnaryExpr(opPos, op, unaryExpr());
                }
                case MUL -> {
                    int star = pos;
                    next();
                    return new StarExpr(star, unaryExpr());
                }
                case ARROW -> {
                    int arrow = pos;
                    next();
                    // <-chan T is a channel type, <-x a receive: we know which once x is parsed.
                    Expr x = unaryExpr();
                    if (x instanceof ChanType c) {
                        return recvChan(arrow, c);
                    }
                    return new UnaryExpr(arrow, Token.ARROW, x);
                }
                default -> {
                    return pexpr(null);
                }
            }
        } finally {
            leave();
        }
    }

    /** Re-associates {@code <-} with a parsed channel type: <-(chan E) is <-chan E, <-(chan<- E) is <-chan (<-E). */
    private Expr recvChan(int arrow, ChanType c) {
        Expr value = c.value;
        switch (c.dir) {
            case BOTH -> { }
            case RECV -> syntaxError("unexpected <-, expecting chan");
            case SEND -> {
                if (c.value instanceof ChanType inner) {
                    value = recvChan(c.arrow, inner);
                } else {
                    syntaxError("unexpected " + ExprString.of(c.value) + ", expecting chan");
                }
            }
        }
        return new ChanType(arrow, arrow, ChanDir.RECV, value);
    }

    private BasicLit oliteral() {
        switch (tok) {
            case INT, FLOAT, IMAG, CHAR, STRING -> {
                BasicLit b = new BasicLit(pos, tok, lit);
                next();
                return b;
            }
            default -> {
                return null;
            }
        }
    }

    private Expr operand() {
        switch (tok) {
            case IDENT -> {
                return name();
            }
            case INT, FLOAT, IMAG, CHAR, STRING -> {
                return oliteral();
            }
            case LPAREN -> {
                int lparen = pos;
                next();
                xnest++;
                Expr x = expr();
                xnest--;
                int rparen = pos;
                want(Token.RPAREN);
                return new ParenExpr(lparen, x, rparen);
            }
            case FUNC -> {
                int funcPos = pos;
                next();
                FuncType ft = funcType("function type", funcPos);
                if (tok == Token.LBRACE) {
                    xnest++;
                    BlockStmt body = funcBody();
                    xnest--;
                    return new FuncLit(ft, body);
                }
                return ft;
            }
            case LBRACK, CHAN, MAP, STRUCT, INTERFACE -> {
                return type_();
            }
            default -> {
                BadExpr x = badExpr();
                syntaxError("expecting expression");
                advance(Token.RPAREN, Token.RBRACK, Token.RBRACE);
                return x;
            }
        }
    }

    /** PrimaryExpr: an operand followed by selectors, indices, slices, assertions, calls, literal bodies. */
    private Expr pexpr(Expr x) {
        if (x == null) {
            x = operand();
        }
        int depth = 0;
        try {
            while (true) {
                // Each selector, index, call or literal body nests the tree one level deeper.
                enter();
                depth++;
                Expr next = primarySuffix(x);
                if (next == null) {
                    return x;
                }
                x = next;
            }
        } finally {
            nest -= depth;
        }
    }

    /** Applies one selector, index, slice, assertion, call or literal body to x; null if none follows. */
    private Expr primarySuffix(Expr x) {
        switch (tok) {
            case PERIOD -> {
                next();
                if (tok == Token.IDENT) {
                    x = new SelectorExpr(x, name());
                } else if (tok == Token.LPAREN) {
                    int lparen = pos;
                    next();
                    Expr type = got(Token.TYPE) ? null : type_();
                    int rparen = pos;
                    want(Token.RPAREN);
                    x = new TypeAssertExpr(x, lparen, type, rparen);
                } else {
                    syntaxError("expecting name or (");
                    advance(Token.SEMICOLON, Token.RPAREN);
                }
            }
            case LBRACK -> x = indexOrSlice(x);
            case LPAREN -> {
                int lparen = pos;
                next();
                List<Expr> args = new ArrayList<>();
                int[] ellipsis = {0};
                xnest++;
                int rparen = list("argument list", Token.COMMA, Token.RPAREN, () -> {
                    args.add(expr());
                    if (tok == Token.ELLIPSIS) {
                        ellipsis[0] = pos;
                        next();
                        return true;
                    }
                    return false;
                });
                xnest--;
                x = new CallExpr(x, lparen, args, ellipsis[0], rparen);
            }
            case LBRACE -> {
                // Does '{' start a composite literal or a block?
                Expr t = unparen(x);
                boolean complitOK = switch (t) {
                    case Ident i -> xnest >= 0;
                    case SelectorExpr s -> xnest >= 0;
                    case IndexExpr i -> xnest >= 0 && !isValue(t);
                    case IndexListExpr i -> xnest >= 0;
                    case ArrayType a -> true;
                    case StructType s -> true;
                    case MapType m -> true;
                    default -> false;
                };
                if (!complitOK) {
                    return null;
                }
                if (t != x) {
                    syntaxError("cannot parenthesize type in composite literal");
                }
                x = complitexpr(x);
            }
            default -> {
                return null;
            }
        }
        return x;
    }

    private Expr indexOrSlice(Expr x) {
        int lbrack = pos;
        next();
        if (tok == Token.RBRACK) {
            // invalid empty instance, slice or index expression; accept but complain
            syntaxError("expecting operand");
            int rbrack = pos;
            next();
            return new IndexExpr(x, lbrack, new BadExpr(rbrack, rbrack), rbrack);
        }
        Expr low = null;
        if (tok != Token.COLON) {
            ExprList l = typeList();
            if (l.comma || tok == Token.RBRACK) {
                int rbrack = pos;
                want(Token.RBRACK);
                if (l.list.size() == 1) {
                    return new IndexExpr(x, lbrack, l.list.get(0), rbrack);
                }
                return new IndexListExpr(x, lbrack, l.list, rbrack);
            }
            low = l.list.get(0);
        }
        // x[low:...
        if (!got(Token.COLON)) {
            syntaxError("expecting comma, : or ]");
            advance(Token.COMMA, Token.COLON, Token.RBRACK);
        }
        xnest++;
        Expr high = null;
        Expr max = null;
        boolean slice3 = false;
        if (tok != Token.COLON && tok != Token.RBRACK) {
            high = expr();
        }
        if (tok == Token.COLON) {
            slice3 = true;
            if (high == null) {
                error("middle index required in 3-index slice");
                high = badExpr();
            }
            next();
            if (tok != Token.RBRACK) {
                max = expr();
            } else {
                error("final index required in 3-index slice");
                max = badExpr();
            }
        }
        xnest--;
        int rbrack = pos;
        want(Token.RBRACK);
        return new SliceExpr(x, lbrack, low, high, max, slice3, rbrack);
    }

    /** Whether x must be a value and cannot be a type (gc isValue). */
    private static boolean isValue(Expr x) {
        return switch (x) {
            case BasicLit b -> true;
            case CompositeLit c -> true;
            case FuncLit f -> true;
            case SliceExpr s -> true;
            case TypeAssertExpr t -> true;
            case CallExpr c -> true;
            case UnaryExpr u -> true;
            case BinaryExpr b -> true;
            case ParenExpr p -> isValue(p.x);
            case IndexExpr i -> isValue(i.x) || isValue(i.index);
            default -> false;
        };
    }

    private static Expr unparen(Expr x) {
        while (x instanceof ParenExpr p) {
            x = p.x;
        }
        return x;
    }

    private CompositeLit complitexpr(Expr type) {
        enter();
        try {
            int lbrace = pos;
            List<Expr> elts = new ArrayList<>();
            xnest++;
            want(Token.LBRACE);
            int rbrace = list("composite literal", Token.COMMA, Token.RBRACE, () -> {
                Expr e = bareComplitexpr();
                if (tok == Token.COLON) {
                    int colon = pos;
                    next();
                    e = new KeyValueExpr(e, colon, bareComplitexpr());
                }
                elts.add(e);
                return false;
            });
            xnest--;
            return new CompositeLit(type, lbrace, elts, rbrace, false);
        } finally {
            leave();
        }
    }

    private Expr bareComplitexpr() {
        return tok == Token.LBRACE ? complitexpr(null) : expr();
    }

    /**
     * A non-empty comma-separated list whose first element is any expression and whose others are
     * types, with an optional trailing comma (gc typeList): index and type argument lists.
     */
    private ExprList typeList() {
        xnest++;
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        boolean comma = false;
        if (got(Token.COMMA)) {
            comma = true;
            Expr t = typeOrNil();
            if (t != null) {
                list.add(t);
                while (got(Token.COMMA)) {
                    t = typeOrNil();
                    if (t == null) {
                        break;
                    }
                    list.add(t);
                }
            }
        }
        xnest--;
        return new ExprList(list, comma);
    }

    // ---- types

    private Expr type_() {
        Expr t = typeOrNil();
        if (t == null) {
            t = badExpr();
            syntaxError("expecting type");
            advance(Token.COMMA, Token.COLON, Token.SEMICOLON, Token.RPAREN, Token.RBRACK, Token.RBRACE);
        }
        return t;
    }

    private Expr typeOrNil() {
        enter();
        try {
            int p = pos;
            switch (tok) {
                case MUL -> {
                    next();
                    return new StarExpr(p, type_());
                }
                case ARROW -> {
                    next();
                    want(Token.CHAN);
                    return new ChanType(p, p, ChanDir.RECV, chanElem());
                }
                case FUNC -> {
                    next();
                    return funcType("function type", p);
                }
                case LBRACK -> {
                    next();
                    if (got(Token.RBRACK)) {
                        return new ArrayType(p, null, type_());
                    }
                    return arrayType(p, null);
                }
                case CHAN -> {
                    next();
                    int arrow = 0;
                    ChanDir dir = ChanDir.BOTH;
                    if (tok == Token.ARROW) {
                        arrow = pos;
                        next();
                        dir = ChanDir.SEND;
                    }
                    return new ChanType(p, arrow, dir, chanElem());
                }
                case MAP -> {
                    next();
                    want(Token.LBRACK);
                    Expr key = type_();
                    want(Token.RBRACK);
                    return new MapType(p, key, type_());
                }
                case STRUCT -> {
                    return structType();
                }
                case INTERFACE -> {
                    return interfaceType();
                }
                case IDENT -> {
                    return qualifiedName(null);
                }
                case LPAREN -> {
                    next();
                    Expr t = type_();
                    int rparen = pos;
                    want(Token.RPAREN);
                    return new ParenExpr(p, t, rparen);
                }
                default -> {
                    return null;
                }
            }
        } finally {
            leave();
        }
    }

    private Expr typeInstance(Expr x) {
        int lbrack = pos;
        want(Token.LBRACK);
        List<Expr> args;
        if (tok == Token.RBRACK) {
            syntaxError("expecting type");
            args = List.of(badExpr());
        } else {
            args = typeList().list;
        }
        int rbrack = pos;
        want(Token.RBRACK);
        return args.size() == 1 ? new IndexExpr(x, lbrack, args.get(0), rbrack)
                : new IndexListExpr(x, lbrack, args, rbrack);
    }

    /** Signature after "func" (and name): [TypeParams] Parameters [Result]. Type parameters only if context is "". */
    private FuncType funcType(String context, int funcPos) {
        FieldList tparams = null;
        if (tok == Token.LBRACK) {
            int lbrack = pos;
            next();
            if (!context.isEmpty()) {
                syntaxErrorAt(lbrack, context + " must have no type parameters");
            }
            if (tok == Token.RBRACK) {
                syntaxError("empty type parameter list");
                next();
            } else {
                Params ps = paramList(null, null, Token.RBRACK, true);
                tparams = new FieldList(lbrack, ps.list, ps.closing);
            }
        }
        int lparen = pos;
        want(Token.LPAREN);
        Params ps = paramList(null, null, Token.RPAREN, false);
        FieldList params = new FieldList(lparen, ps.list, ps.closing);
        return new FuncType(funcPos, tparams, params, funcResult());
    }

    private FieldList funcResult() {
        if (tok == Token.LPAREN) {
            int lparen = pos;
            next();
            Params ps = paramList(null, null, Token.RPAREN, false);
            return new FieldList(lparen, ps.list, ps.closing);
        }
        Expr t = typeOrNil();
        if (t != null) {
            return new FieldList(0, List.of(new Field(null, List.of(), t, null, null)), 0);
        }
        return null;
    }

    /** "[" has been consumed; len, if not null, is the already parsed length. */
    private Expr arrayType(int lbrack, Expr len) {
        if (len == null) {
            if (tok == Token.ELLIPSIS) {
                len = new Ellipsis(pos, null);
                next();
            } else {
                xnest++;
                len = expr();
                xnest--;
            }
        }
        if (tok == Token.COMMA) {
            // Trailing commas are accepted in type parameter lists but not in array types.
            syntaxError("unexpected comma; expecting ]");
            next();
        }
        want(Token.RBRACK);
        return new ArrayType(lbrack, len, type_());
    }

    private Expr chanElem() {
        Expr t = typeOrNil();
        if (t == null) {
            t = badExpr();
            syntaxError("missing channel element type");
        }
        return t;
    }

    private StructType structType() {
        int structPos = pos;
        want(Token.STRUCT);
        int lbrace = pos;
        want(Token.LBRACE);
        List<Field> fields = new ArrayList<>();
        int rbrace = list("struct type", Token.SEMICOLON, Token.RBRACE, () -> {
            fieldDecl(fields);
            return false;
        });
        return new StructType(structPos, new FieldList(lbrace, fields, rbrace), false);
    }

    /** FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ]. */
    private void fieldDecl(List<Field> fields) {
        CommentGroup doc = leadComment;
        switch (tok) {
            case IDENT -> {
                Ident name = name();
                if (tok == Token.PERIOD || tok == Token.SEMICOLON || tok == Token.RBRACE || isLiteral(tok)) {
                    Expr typ = qualifiedName(name);
                    BasicLit tag = oliteral();
                    fields.add(new Field(doc, List.of(), typ, tag, trailingComment()));
                    return;
                }
                List<Ident> names = nameList(name);
                Expr typ;
                if (names.size() == 1 && tok == Token.LBRACK) {
                    // An embedded instantiated type T[P1, P2] or a field T of array or slice type?
                    typ = arrayOrTArgs(name);
                    if (typ instanceof IndexExpr || typ instanceof IndexListExpr) {
                        BasicLit tag = oliteral();
                        fields.add(new Field(doc, List.of(), typ, tag, trailingComment()));
                        return;
                    }
                } else {
                    typ = type_();
                }
                BasicLit tag = oliteral();
                fields.add(new Field(doc, names, typ, tag, trailingComment()));
            }
            case MUL -> {
                int star = pos;
                next();
                Expr typ;
                if (tok == Token.LPAREN) {
                    syntaxError("cannot parenthesize embedded type");
                    next();
                    typ = qualifiedName(null);
                    got(Token.RPAREN);
                } else {
                    typ = qualifiedName(null);
                }
                BasicLit tag = oliteral();
                fields.add(new Field(doc, List.of(), new StarExpr(star, typ), tag, trailingComment()));
            }
            case LPAREN -> {
                syntaxError("cannot parenthesize embedded type");
                next();
                Expr typ;
                if (tok == Token.MUL) {
                    int star = pos;
                    next();
                    typ = new StarExpr(star, qualifiedName(null));
                } else {
                    typ = qualifiedName(null);
                }
                got(Token.RPAREN);
                BasicLit tag = oliteral();
                fields.add(new Field(doc, List.of(), typ, tag, trailingComment()));
            }
            default -> {
                syntaxError("expecting field name or embedded type");
                advance(Token.SEMICOLON, Token.RBRACE);
            }
        }
    }

    private static boolean isLiteral(Token t) {
        return t == Token.INT || t == Token.FLOAT || t == Token.IMAG || t == Token.CHAR || t == Token.STRING;
    }

    /** After name: "[" "]" E (slice), "[" n "]" E (array), or type arguments "[" A, B "]" applied to x. */
    private Expr arrayOrTArgs(Expr x) {
        int lbrack = pos;
        want(Token.LBRACK);
        if (got(Token.RBRACK)) {
            return new ArrayType(lbrack, null, type_());
        }
        ExprList l = typeList();
        int rbrack = pos;
        want(Token.RBRACK);
        if (!l.comma) {
            Expr elem = typeOrNil();
            if (elem != null) {
                return new ArrayType(lbrack, l.list.get(0), elem);
            }
        }
        return l.list.size() == 1 ? new IndexExpr(x, lbrack, l.list.get(0), rbrack)
                : new IndexListExpr(x, lbrack, l.list, rbrack);
    }

    private InterfaceType interfaceType() {
        int ipos = pos;
        want(Token.INTERFACE);
        int lbrace = pos;
        want(Token.LBRACE);
        List<Field> elems = new ArrayList<>();
        int rbrace = list("interface type", Token.SEMICOLON, Token.RBRACE, () -> {
            CommentGroup doc = leadComment;
            Field f = null;
            if (tok == Token.IDENT) {
                f = methodDecl(doc);
            }
            if (f == null) {
                f = new Field(doc, List.of(), embeddedElem(null), null, trailingComment());
            } else if (f.names.isEmpty() && tok == Token.OR) {
                f = new Field(doc, List.of(), embeddedElem(f.type), null, trailingComment());
            }
            elems.add(f);
            return false;
        });
        return new InterfaceType(ipos, new FieldList(lbrace, elems, rbrace), false);
    }

    /** MethodSpec = MethodName Signature | InterfaceTypeName; the name has not been consumed. */
    private Field methodDecl(CommentGroup doc) {
        Ident name = name();
        final String context = "interface method";
        switch (tok) {
            case LPAREN -> {
                FuncType ft = funcType(context, 0);
                return new Field(doc, List.of(name), ft, null, trailingComment());
            }
            case LBRACK -> {
                // A generic method m[T C](x T) (rejected) or an embedded instantiated type T[A, B]?
                int lbrack = pos;
                next();
                if (tok == Token.RBRACK) {
                    int rbrack = pos;
                    next();
                    if (tok == Token.LPAREN) {
                        errorAt(rbrack, "empty type parameter list");
                        FuncType ft = funcType(context, 0);
                        return new Field(doc, List.of(name), ft, null, trailingComment());
                    }
                    errorAt(rbrack, "empty type argument list");
                    return new Field(doc, List.of(), name, null, trailingComment());
                }
                Params ps = paramList(null, null, Token.RBRACK, false);
                if (ps.list.isEmpty()) {
                    if (tok == Token.LPAREN) {
                        FuncType ft = funcType(context, 0);
                        return new Field(doc, List.of(name), ft, null, trailingComment());
                    }
                    return new Field(doc, List.of(), name, null, trailingComment());
                }
                if (!ps.list.get(0).names.isEmpty()) {
                    FuncType ft = funcType(context, 0);
                    errorAt(lbrack, "interface method must have no type parameters");
                    return new Field(doc, List.of(name), ft, null, trailingComment());
                }
                List<Expr> args = new ArrayList<>();
                for (Field f : ps.list) {
                    args.add(f.type);
                }
                Expr t = args.size() == 1 ? new IndexExpr(name, lbrack, args.get(0), ps.closing)
                        : new IndexListExpr(name, lbrack, args, ps.closing);
                return new Field(doc, List.of(), t, null, trailingComment());
            }
            default -> {
                return new Field(doc, List.of(), qualifiedName(name), null, trailingComment());
            }
        }
    }

    /** EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm }; first, if not null, is the parsed first term. */
    private Expr embeddedElem(Expr first) {
        Expr x = first != null ? first : embeddedTerm();
        while (tok == Token.OR) {
            int opPos = pos;
            next();
            x = new BinaryExpr(x, opPos, Token.OR, embeddedTerm());
        }
        return x;
    }

    private Expr embeddedTerm() {
        if (tok == Token.TILDE) {
            int p = pos;
            next();
            return new UnaryExpr(p, Token.TILDE, type_());
        }
        Expr t = typeOrNil();
        if (t == null) {
            t = badExpr();
            syntaxError("expecting ~ term or type");
            advance(Token.OR, Token.SEMICOLON, Token.RPAREN, Token.RBRACK, Token.RBRACE);
        }
        return t;
    }

    /** ParameterDecl = [ IdentifierList ] [ "..." ] Type, one name at a time (gc paramDeclOrNil). */
    private Param paramDeclOrNil(Ident name, Token follow) {
        boolean typeSetsOK = follow == Token.RBRACK;
        Param f = new Param();
        if (name == null && typeSetsOK && tok == Token.TILDE) {
            f.type = embeddedElem(null);
            return f;
        }
        if (tok == Token.IDENT || name != null) {
            if (name == null) {
                name = name();
            }
            if (tok == Token.LBRACK) {
                Expr t = arrayOrTArgs(name);
                if (t instanceof ArrayType) {
                    f.name = name;
                }
                f.type = t;
                if (typeSetsOK && tok == Token.OR) {
                    f.type = embeddedElem(f.type);
                }
                return f;
            }
            if (tok == Token.PERIOD) {
                f.type = qualifiedName(name);
                if (typeSetsOK && tok == Token.OR) {
                    f.type = embeddedElem(f.type);
                }
                return f;
            }
            if (typeSetsOK && tok == Token.OR) {
                f.type = embeddedElem(name);
                return f;
            }
            f.name = name;
        }
        if (tok == Token.ELLIPSIS) {
            int p = pos;
            next();
            Expr elt = typeOrNil();
            if (elt == null) {
                elt = badExpr();
                syntaxError("... is missing type");
            }
            f.type = new Ellipsis(p, elt);
            return f;
        }
        if (typeSetsOK && tok == Token.TILDE) {
            f.type = embeddedElem(null);
            return f;
        }
        f.type = typeOrNil();
        if (typeSetsOK && tok == Token.OR && f.type != null) {
            f.type = embeddedElem(f.type);
        }
        if (f.name != null || f.type != null) {
            return f;
        }
        syntaxError("expecting " + tokstring(follow));
        advance(Token.COMMA, follow);
        return null;
    }

    /**
     * Parameters after "(" or "[" up to and including the closing token. Either all parameters
     * are named or none is: in {@code (a, b int)} a takes b's type, in {@code (int, string)} the
     * names are types. If name and typ are given they form the first parameter (from typeSpec).
     */
    private Params paramList(Ident name, Expr typ, Token close, boolean requireNames) {
        if (name != null && typ != null && tok == close) {
            int closing = pos;
            next();
            return new Params(List.of(new Field(null, List.of(name), typ, null, null)), closing);
        }
        List<Param> params = new ArrayList<>();
        int[] named = {0};
        int[] typed = {0};
        Ident[] firstName = {name};
        Expr[] firstType = {typ};
        int closing = list("parameter list", Token.COMMA, close, () -> {
            Param par;
            if (firstType[0] != null) {
                par = new Param();
                par.name = firstName[0];
                par.type = firstType[0];
            } else {
                par = paramDeclOrNil(firstName[0], close);
            }
            firstName[0] = null;
            firstType[0] = null;
            if (par != null) {
                if (par.name != null && par.type != null) {
                    named[0]++;
                }
                if (par.type != null) {
                    typed[0]++;
                }
                params.add(par);
            }
            return false;
        });
        if (params.isEmpty()) {
            return new Params(List.of(), closing);
        }
        if (named[0] == 0 && !requireNames) {
            // All unnamed: the names found are type names.
            for (Param par : params) {
                if (par.name != null) {
                    par.type = par.name;
                    par.name = null;
                }
            }
        } else if (named[0] != params.size()) {
            // Some named: all must have names and types; distribute types from right to left.
            int errPos = 0;
            Expr t = null;
            for (int i = params.size() - 1; i >= 0; i--) {
                Param par = params.get(i);
                if (par.type != null) {
                    t = par.type;
                    if (par.name == null) {
                        errPos = t.pos();
                        par.name = new Ident(errPos, "_");
                    }
                } else if (t != null) {
                    par.type = t;
                } else {
                    errPos = par.name.pos();
                    par.type = new BadExpr(errPos, errPos);
                }
            }
            if (errPos != 0) {
                String msg;
                if (requireNames) {
                    if (named[0] == typed[0]) {
                        errPos = closing;
                        msg = "missing type constraint";
                    } else {
                        msg = "type parameters must be named";
                    }
                } else {
                    msg = "mixed named and unnamed parameters";
                }
                syntaxErrorAt(errPos, msg);
            }
        }
        return new Params(groupParams(params), closing);
    }

    /** go/ast form: consecutive names sharing one type node make one Field {@code a, b T}. */
    private static List<Field> groupParams(List<Param> params) {
        List<Field> out = new ArrayList<>();
        int i = 0;
        while (i < params.size()) {
            Param p = params.get(i);
            if (p.name == null) {
                out.add(new Field(null, List.of(), p.type, null, null));
                i++;
                continue;
            }
            List<Ident> names = new ArrayList<>();
            int j = i;
            while (j < params.size() && params.get(j).name != null && params.get(j).type == p.type) {
                names.add(params.get(j).name);
                j++;
            }
            out.add(new Field(null, names, p.type, null, null));
            i = j;
        }
        return out;
    }

    // ---- statements

    private BlockStmt blockStmt(String context) {
        int lbrace = pos;
        if (!got(Token.LBRACE)) {
            syntaxError("expecting { after " + context);
            advance(Token.IDENT, Token.RBRACE);
            if (tok == Token.RBRACE) {
                int rbrace = pos;
                next();
                return new BlockStmt(lbrace, List.of(), rbrace);
            }
        }
        List<Stmt> list = stmtList();
        int rbrace = tok == Token.RBRACE ? pos : 0;
        want(Token.RBRACE);
        return new BlockStmt(lbrace, list, rbrace);
    }

    private List<Stmt> stmtList() {
        List<Stmt> list = new ArrayList<>();
        while (tok != Token.EOF && tok != Token.RBRACE && tok != Token.CASE && tok != Token.DEFAULT) {
            Stmt s = stmtOrNil();
            if (s == null) {
                break;
            }
            list.add(s);
            // ";" is optional before "}"
            if (!got(Token.SEMICOLON) && tok != Token.RBRACE) {
                syntaxError("at end of statement");
                advance(Token.SEMICOLON, Token.RBRACE, Token.CASE, Token.DEFAULT);
                got(Token.SEMICOLON);
            }
        }
        return list;
    }

    private Stmt stmtOrNil() {
        enter();
        try {
            return stmt();
        } finally {
            leave();
        }
    }

    private Stmt stmt() {
        int p = pos;
        switch (tok) {
            case IDENT -> {
                List<Expr> lhs = exprList();
                if (lhs.size() == 1 && lhs.get(0) instanceof Ident label && tok == Token.COLON) {
                    return labeledStmt(label);
                }
                return simpleStmt(lhs, null);
            }
            case VAR -> {
                return new DeclStmt(genDecl(Token.VAR, this::varSpec));
            }
            case CONST -> {
                return new DeclStmt(genDecl(Token.CONST, this::constSpec));
            }
            case TYPE -> {
                return new DeclStmt(genDecl(Token.TYPE, this::typeSpec));
            }
            case LBRACE -> {
                return blockStmt("");
            }
            case ADD, SUB, MUL, AND, XOR, NOT, INT, FLOAT, IMAG, CHAR, STRING, FUNC, LPAREN, LBRACK, STRUCT, MAP,
                    CHAN, INTERFACE, ARROW -> {
                return simpleStmt(null, null);
            }
            case FOR -> {
                return forStmt();
            }
            case SWITCH -> {
                return switchStmt();
            }
            case SELECT -> {
                return selectStmt();
            }
            case IF -> {
                return ifStmt();
            }
            case FALLTHROUGH -> {
                next();
                return new BranchStmt(p, Token.FALLTHROUGH, null);
            }
            case BREAK, CONTINUE -> {
                Token t = tok;
                next();
                Ident label = tok == Token.IDENT ? name() : null;
                return new BranchStmt(p, t, label);
            }
            case GO, DEFER -> {
                return callStmt();
            }
            case GOTO -> {
                next();
                return new BranchStmt(p, Token.GOTO, name());
            }
            case RETURN -> {
                next();
                List<Expr> results = tok != Token.SEMICOLON && tok != Token.RBRACE ? exprList() : List.of();
                return new ReturnStmt(p, results);
            }
            case SEMICOLON -> {
                return new EmptyStmt(p, !"semicolon".equals(lit));
            }
            default -> {
                return null;
            }
        }
    }

    private Stmt labeledStmt(Ident label) {
        int colon = pos;
        want(Token.COLON);
        if (tok == Token.RBRACE) {
            // A label before "}" labels an empty statement.
            return new LabeledStmt(label, colon, new EmptyStmt(pos, true));
        }
        Stmt s = stmtOrNil();
        if (s != null) {
            return new LabeledStmt(label, colon, s);
        }
        syntaxErrorAt(colon, "missing statement after label");
        return null;
    }

    /**
     * SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl.
     * In a for header (keyword FOR) a range clause may follow; it is left in {@link #rangeClause}
     * and null returned.
     */
    private Stmt simpleStmt(List<Expr> lhs, Token keyword) {
        if (keyword == Token.FOR && tok == Token.RANGE) {
            rangeClause = newRangeClause(List.of(), 0, Token.ILLEGAL);
            return null;
        }
        if (lhs == null) {
            lhs = exprList();
        }
        if (lhs.size() == 1 && tok != Token.ASSIGN && tok != Token.DEFINE) {
            Expr x = lhs.get(0);
            int p = pos;
            switch (tok) {
                case ADD_ASSIGN, SUB_ASSIGN, MUL_ASSIGN, QUO_ASSIGN, REM_ASSIGN, AND_ASSIGN, OR_ASSIGN, XOR_ASSIGN,
                        SHL_ASSIGN, SHR_ASSIGN, AND_NOT_ASSIGN -> {
                    Token op = tok;
                    next();
                    return new AssignStmt(List.of(x), p, op, List.of(expr()));
                }
                case INC, DEC -> {
                    Token op = tok;
                    next();
                    return new IncDecStmt(x, p, op);
                }
                case ARROW -> {
                    next();
                    return new SendStmt(x, p, expr());
                }
                default -> {
                    return new ExprStmt(x);
                }
            }
        }
        if (tok == Token.ASSIGN || tok == Token.DEFINE) {
            int p = pos;
            Token op = tok;
            next();
            if (keyword == Token.FOR && tok == Token.RANGE) {
                rangeClause = newRangeClause(lhs, p, op);
                return null;
            }
            return new AssignStmt(lhs, p, op, exprList());
        }
        syntaxError("expecting := or = or comma");
        advance(Token.SEMICOLON, Token.RBRACE);
        return new ExprStmt(lhs.get(0));
    }

    private RangeClause newRangeClause(List<Expr> lhs, int tokPos, Token op) {
        int range = pos;
        next();
        Expr x = expr();
        if (lhs.size() > 2) {
            errorAt(lhs.get(2).pos(), "range clause permits at most two iteration variables");
        }
        Expr key = lhs.isEmpty() ? null : lhs.get(0);
        Expr value = lhs.size() > 1 ? lhs.get(1) : null;
        return new RangeClause(key, value, tokPos, op, range, x);
    }

    private Stmt callStmt() {
        int p = pos;
        Token t = tok;
        next();
        Expr x = pexpr(null);
        Expr u = unparen(x);
        if (u != x) {
            errorAt(x.pos(), "expression in " + t.text() + " must not be parenthesized");
            x = u;
        }
        if (!(x instanceof CallExpr call)) {
            errorAt(x.pos(), "expression in " + t.text() + " must be function call");
            return new BadStmt(p, x.end());
        }
        return t == Token.GO ? new GoStmt(p, call) : new DeferStmt(p, call);
    }

    private Stmt forStmt() {
        int forPos = pos;
        next();
        Header h = header(Token.FOR);
        BlockStmt body = blockStmt("for clause");
        if (h.range != null) {
            RangeClause r = h.range;
            return new RangeStmt(forPos, r.key, r.value, r.tokPos, r.tok, r.range, r.x, body);
        }
        return new ForStmt(forPos, h.init, h.cond, h.post, body);
    }

    private Stmt ifStmt() {
        int ifPos = pos;
        next();
        Header h = header(Token.IF);
        BlockStmt body = blockStmt("if clause");
        Stmt elseStmt = null;
        if (got(Token.ELSE)) {
            switch (tok) {
                case IF -> elseStmt = ifStmt();
                case LBRACE -> elseStmt = blockStmt("");
                default -> {
                    syntaxError("else must be followed by if or statement block");
                    advance(Token.IDENT, Token.RBRACE);
                }
            }
        }
        Expr cond = h.cond != null ? h.cond : new BadExpr(body.lbrace, body.lbrace);
        return new IfStmt(ifPos, h.init, cond, body, elseStmt);
    }

    /** The header of if, for and switch, after the keyword: [init ";"] cond, or for's 3 clauses or range. */
    private Header header(Token keyword) {
        if (tok == Token.LBRACE) {
            Expr cond = null;
            if (keyword == Token.IF) {
                syntaxError("missing condition in if statement");
                cond = badExpr();
            }
            return new Header(null, cond, null, null, null);
        }
        int outer = xnest;
        xnest = -1;
        try {
            Stmt init = null;
            if (tok != Token.SEMICOLON) {
                if (got(Token.VAR)) {
                    syntaxError("var declaration not allowed in " + tokstring(keyword) + " initializer");
                }
                init = simpleStmt(null, keyword);
                if (rangeClause != null) {
                    RangeClause r = rangeClause;
                    rangeClause = null;
                    return new Header(null, null, null, null, r);
                }
            }
            Stmt condStmt = null;
            Stmt post = null;
            int semiPos = 0;
            String semiLit = null;
            if (tok != Token.LBRACE) {
                if (tok == Token.SEMICOLON) {
                    semiPos = pos;
                    semiLit = lit;
                    next();
                } else {
                    // asking for a '{' rather than a ';' here leads to a better error message
                    want(Token.LBRACE);
                    if (tok != Token.LBRACE) {
                        advance(Token.LBRACE, Token.RBRACE);
                    }
                }
                if (keyword == Token.FOR) {
                    boolean missingCond = false;
                    if (tok != Token.SEMICOLON) {
                        if (tok == Token.LBRACE) {
                            syntaxError("expecting for loop condition");
                            missingCond = true;
                        } else {
                            condStmt = simpleStmt(null, null);
                        }
                    }
                    if (!missingCond) {
                        want(Token.SEMICOLON);
                        if (tok != Token.LBRACE) {
                            post = simpleStmt(null, null);
                            if (post instanceof AssignStmt a && a.tok == Token.DEFINE) {
                                syntaxErrorAt(a.tokPos, "cannot declare in post statement of for loop");
                            }
                        }
                    }
                } else if (tok != Token.LBRACE) {
                    condStmt = simpleStmt(null, keyword);
                }
            } else {
                condStmt = init;
                init = null;
            }
            return switch (condStmt) {
                case null -> {
                    Expr cond = null;
                    if (keyword == Token.IF && semiPos != 0) {
                        if (!"semicolon".equals(semiLit)) {
                            syntaxErrorAt(semiPos, "unexpected " + semiLit + ", expecting { after if clause");
                        } else {
                            syntaxErrorAt(semiPos, "missing condition in if statement");
                        }
                        cond = new BadExpr(semiPos, semiPos);
                    }
                    yield new Header(init, cond, post, null, null);
                }
                case ExprStmt e when keyword == Token.SWITCH && isTypeSwitchGuard(e.x) ->
                        new Header(init, null, post, e, null);
                case ExprStmt e -> new Header(init, e.x, post, null, null);
                case AssignStmt a when keyword == Token.SWITCH && a.tok == Token.DEFINE && a.lhs.size() == 1
                        && a.lhs.get(0) instanceof Ident && a.rhs.size() == 1 && isTypeSwitchGuard(a.rhs.get(0)) ->
                        new Header(init, null, post, a, null);
                default -> {
                    String str;
                    if (condStmt instanceof AssignStmt a && a.tok == Token.ASSIGN) {
                        // Parenthesize both sides to highlight the '=' that was likely meant as '=='.
                        str = "assignment (" + ExprString.of(a.lhs) + ") = (" + ExprString.of(a.rhs) + ")";
                    } else {
                        str = ExprString.of(condStmt);
                    }
                    syntaxErrorAt(operatorPos(condStmt), "cannot use " + str + " as value");
                    yield new Header(init, null, post, null, null);
                }
            };
        } finally {
            xnest = outer;
        }
    }

    /** Where gc positions a simple statement in diagnostics: at its operator, if it has one. */
    private static int operatorPos(Stmt s) {
        return switch (s) {
            case AssignStmt a -> a.tokPos;
            case IncDecStmt i -> i.tokPos;
            case SendStmt t -> t.arrow;
            default -> s.pos();
        };
    }

    private static boolean isTypeSwitchGuard(Expr x) {
        return x instanceof TypeAssertExpr t && t.type == null;
    }

    private Stmt switchStmt() {
        int switchPos = pos;
        next();
        Header h = header(Token.SWITCH);
        int lbrace = pos;
        if (!got(Token.LBRACE)) {
            syntaxError("missing { after switch clause");
            advance(Token.CASE, Token.DEFAULT, Token.RBRACE);
        }
        List<Stmt> clauses = new ArrayList<>();
        while (tok != Token.EOF && tok != Token.RBRACE) {
            clauses.add(caseClause());
        }
        int rbrace = tok == Token.RBRACE ? pos : 0;
        want(Token.RBRACE);
        BlockStmt body = new BlockStmt(lbrace, clauses, rbrace);
        if (h.typeSwitchGuard != null) {
            return new TypeSwitchStmt(switchPos, h.init, h.typeSwitchGuard, body);
        }
        return new SwitchStmt(switchPos, h.init, h.cond, body);
    }

    private Stmt selectStmt() {
        int selectPos = pos;
        next();
        int lbrace = pos;
        if (!got(Token.LBRACE)) {
            syntaxError("missing { after select clause");
            advance(Token.CASE, Token.DEFAULT, Token.RBRACE);
        }
        List<Stmt> clauses = new ArrayList<>();
        while (tok != Token.EOF && tok != Token.RBRACE) {
            clauses.add(commClause());
        }
        int rbrace = tok == Token.RBRACE ? pos : 0;
        want(Token.RBRACE);
        return new SelectStmt(selectPos, new BlockStmt(lbrace, clauses, rbrace));
    }

    private Stmt caseClause() {
        int casePos = pos;
        List<Expr> list = List.of();
        switch (tok) {
            case CASE -> {
                next();
                list = exprList();
            }
            case DEFAULT -> next();
            default -> {
                syntaxError("expecting case or default or }");
                advance(Token.COLON, Token.CASE, Token.DEFAULT, Token.RBRACE);
            }
        }
        int colon = pos;
        want(Token.COLON);
        return new CaseClause(casePos, list, colon, stmtList());
    }

    private Stmt commClause() {
        int casePos = pos;
        Stmt comm = null;
        switch (tok) {
            case CASE -> {
                next();
                // Only sends and receives are valid here; the type checker rejects the rest.
                comm = simpleStmt(null, null);
            }
            case DEFAULT -> next();
            default -> {
                syntaxError("expecting case or default or }");
                advance(Token.COLON, Token.CASE, Token.DEFAULT, Token.RBRACE);
            }
        }
        int colon = pos;
        want(Token.COLON);
        return new CommClause(casePos, comm, colon, stmtList());
    }

    // ---- names

    private Ident name() {
        if (tok == Token.IDENT) {
            Ident n = new Ident(pos, lit);
            next();
            return n;
        }
        Ident n = new Ident(pos, "_");
        syntaxError("expecting name");
        advance();
        return n;
    }

    private List<Ident> nameList(Ident first) {
        List<Ident> l = new ArrayList<>();
        l.add(first);
        while (got(Token.COMMA)) {
            l.add(name());
        }
        return l;
    }

    /** TypeName [TypeArgs], where TypeName = identifier | PackageName "." identifier. */
    private Expr qualifiedName(Ident name) {
        Expr x;
        if (name != null) {
            x = name;
        } else if (tok == Token.IDENT) {
            x = name();
        } else {
            x = new Ident(pos, "_");
            syntaxError("expecting name");
            advance(Token.PERIOD, Token.SEMICOLON, Token.RBRACE);
        }
        if (tok == Token.PERIOD) {
            next();
            x = new SelectorExpr(x, name());
        }
        if (tok == Token.LBRACK) {
            x = typeInstance(x);
        }
        return x;
    }
}
