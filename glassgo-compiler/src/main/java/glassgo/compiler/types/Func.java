package glassgo.compiler.types;

/** A function or method (go/types {@code Func}); its type is a {@link Signature} once checked. */
public final class Func extends Obj {
    /** For methods of a generic type instantiated by substitution: the method it came from. */
    Func origin;
    boolean hasPtrRecvHint;

    public Func(int pos, Package pkg, String name, Signature sig) {
        super(pos, pkg, name, sig);
    }

    public Signature signature() {
        return (Signature) type;
    }

    public Func origin() {
        return origin == null ? this : origin;
    }

    /** Whether this is a method with a pointer receiver ({@code func (p *T) M()}). */
    public boolean hasPtrRecv() {
        if (type instanceof Signature s && s.recv() != null) {
            Type rt = s.recv().type();
            return rt instanceof Pointer;
        }
        return hasPtrRecvHint;
    }

    public String fullName() {
        return name;
    }
}
