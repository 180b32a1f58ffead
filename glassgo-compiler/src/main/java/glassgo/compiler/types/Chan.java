package glassgo.compiler.types;

/** A channel type (go/types {@code Chan}) with its direction. */
public record Chan(Dir dir, Type elem) implements Type {
    public enum Dir { SEND_RECV, SEND_ONLY, RECV_ONLY }

    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
