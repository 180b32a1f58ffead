package glassgo.compiler.ast;

/** Direction of a channel type (go/ast ChanDir): send-only {@code chan<-}, receive-only {@code <-chan}, or both. */
public enum ChanDir {
    SEND, RECV, BOTH
}
