package glassgo.compiler.ast;

/** A placeholder for declarations containing syntax errors (go/ast BadDecl). */
public final class BadDecl implements Decl {
    public final int from;
    public final int to;

    public BadDecl(int from, int to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public int pos() {
        return from;
    }

    @Override
    public int end() {
        return to;
    }
}
