package glassgo.compiler.types;

/**
 * A Go type, as go/types' {@code Type}: every type has an underlying type, and a printable form
 * that matches go/types' {@code TypeString} (see {@link TypeString}).
 */
public sealed interface Type
        permits Basic, Pointer, Slice, Array, Map, Chan, Struct, Tuple, Signature, Named, Interface,
                Union, TypeParam {
    /** The underlying type (go/types {@code Type.Underlying}); for a Named this resolves it. */
    Type underlying();
}
