package glassgo.compiler.syntax;

/**
 * The lexical tokens of Go, named as in Go's {@code go/token} package so that a reader who knows
 * Go's tools finds them by name. Operators carry their source text and binary precedence.
 */
public enum Token {
    ILLEGAL(""), EOF(""), COMMENT(""),

    // literals
    IDENT(""), INT(""), FLOAT(""), IMAG(""), CHAR(""), STRING(""),

    // operators and delimiters
    ADD("+"), SUB("-"), MUL("*"), QUO("/"), REM("%"),
    AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"), AND_NOT("&^"),
    ADD_ASSIGN("+="), SUB_ASSIGN("-="), MUL_ASSIGN("*="), QUO_ASSIGN("/="), REM_ASSIGN("%="),
    AND_ASSIGN("&="), OR_ASSIGN("|="), XOR_ASSIGN("^="), SHL_ASSIGN("<<="), SHR_ASSIGN(">>="),
    AND_NOT_ASSIGN("&^="),
    LAND("&&"), LOR("||"), ARROW("<-"), INC("++"), DEC("--"),
    EQL("=="), LSS("<"), GTR(">"), ASSIGN("="), NOT("!"),
    NEQ("!="), LEQ("<="), GEQ(">="), DEFINE(":="), ELLIPSIS("..."),
    LPAREN("("), LBRACK("["), LBRACE("{"), COMMA(","), PERIOD("."),
    RPAREN(")"), RBRACK("]"), RBRACE("}"), SEMICOLON(";"), COLON(":"),
    TILDE("~"),

    // keywords
    BREAK("break"), CASE("case"), CHAN("chan"), CONST("const"), CONTINUE("continue"),
    DEFAULT("default"), DEFER("defer"), ELSE("else"), FALLTHROUGH("fallthrough"), FOR("for"),
    FUNC("func"), GO("go"), GOTO("goto"), IF("if"), IMPORT("import"),
    INTERFACE("interface"), MAP("map"), PACKAGE("package"), RANGE("range"), RETURN("return"),
    SELECT("select"), STRUCT("struct"), SWITCH("switch"), TYPE("type"), VAR("var");

    /** Precedence of the lowest binary operator, and of non-operators. */
    public static final int LOWEST_PREC = 0;
    public static final int UNARY_PREC = 6;
    public static final int HIGHEST_PREC = 7;

    private static final java.util.Map<String, Token> KEYWORDS = new java.util.HashMap<>();

    static {
        for (Token t : values()) {
            if (t.isKeyword()) {
                KEYWORDS.put(t.text, t);
            }
        }
    }

    private final String text;

    Token(String text) {
        this.text = text;
    }

    /** The token's source text for operators and keywords; the kind name for the others. */
    public String text() {
        return text.isEmpty() ? name() : text;
    }

    @Override
    public String toString() {
        return text();
    }

    /** Binary operator precedence as in the Go spec (5 = * / % ..., 1 = ||), else {@link #LOWEST_PREC}. */
    public int precedence() {
        return switch (this) {
            case LOR -> 1;
            case LAND -> 2;
            case EQL, NEQ, LSS, LEQ, GTR, GEQ -> 3;
            case ADD, SUB, OR, XOR -> 4;
            case MUL, QUO, REM, SHL, SHR, AND, AND_NOT -> 5;
            default -> LOWEST_PREC;
        };
    }

    public boolean isLiteral() {
        return ordinal() >= IDENT.ordinal() && ordinal() <= STRING.ordinal();
    }

    public boolean isOperator() {
        return ordinal() >= ADD.ordinal() && ordinal() <= TILDE.ordinal();
    }

    public boolean isKeyword() {
        return ordinal() >= BREAK.ordinal();
    }

    /** The keyword token spelled {@code ident}, or {@link #IDENT} when it is no keyword. */
    public static Token lookup(String ident) {
        return KEYWORDS.getOrDefault(ident, IDENT);
    }

    /** For {@code +=} and friends: the binary operator applied ({@code +}); else null. */
    public Token assignOpBase() {
        return switch (this) {
            case ADD_ASSIGN -> ADD;
            case SUB_ASSIGN -> SUB;
            case MUL_ASSIGN -> MUL;
            case QUO_ASSIGN -> QUO;
            case REM_ASSIGN -> REM;
            case AND_ASSIGN -> AND;
            case OR_ASSIGN -> OR;
            case XOR_ASSIGN -> XOR;
            case SHL_ASSIGN -> SHL;
            case SHR_ASSIGN -> SHR;
            case AND_NOT_ASSIGN -> AND_NOT;
            default -> null;
        };
    }
}
