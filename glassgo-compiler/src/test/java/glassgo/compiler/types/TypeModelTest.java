package glassgo.compiler.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The type model alone: printing, identity, sizes for linux/amd64, and field/method lookup. */
class TypeModelTest {
    private static final Package P = new Package("example.com/p", "p");

    private static Var field(String name, Type t) {
        return Var.field(0, P, name, t, false);
    }

    private static Struct struct(Var... fields) {
        return new Struct(List.of(fields), List.of());
    }

    @Test
    void typeStringsAreFormattedAsGoTypesDoes() {
        assertThat(new Slice(Universe.INT).toString()).isEqualTo("[]int");
        assertThat(new Map(Universe.STRING, new Pointer(Universe.BYTE)).toString()).isEqualTo("map[string]*byte");
        assertThat(new Chan(Chan.Dir.SEND_RECV, new Chan(Chan.Dir.RECV_ONLY, Universe.INT)).toString())
                .isEqualTo("chan (<-chan int)");
        Signature sig = new Signature(null, List.of(),
                new Tuple(List.of(new Var(0, P, "x", Universe.INT), new Var(0, P, "rest", new Slice(Universe.STRING)))),
                new Tuple(List.of(new Var(0, P, "", Universe.ERROR))), true);
        assertThat(sig.toString()).isEqualTo("func(x int, rest ...string) error");
        assertThat(struct(field("a", Universe.INT8), field("b", Universe.UNTYPED_FLOAT)).toString())
                .isEqualTo("struct{a int8; b untyped float}");
    }

    @Test
    void identityIsStructuralForLiteralsAndNominalForNamedTypes() {
        assertThat(Predicates.identical(new Slice(Universe.INT), new Slice(Universe.INT))).isTrue();
        assertThat(Predicates.identical(new Array(3, Universe.INT), new Array(4, Universe.INT))).isFalse();
        // byte is an alias of uint8
        assertThat(Predicates.identical(Universe.BYTE, Universe.UINT8)).isTrue();
        Named a = new Named(new TypeName(0, P, "A", null), Universe.INT);
        Named b = new Named(new TypeName(0, P, "B", null), Universe.INT);
        assertThat(Predicates.identical(a, b)).isFalse();
        assertThat(Predicates.identical(a.underlying(), b.underlying())).isTrue();
    }

    @Test
    void comparabilityFollowsTheSpec() {
        assertThat(Predicates.comparable(struct(field("s", Universe.STRING)))).isTrue();
        assertThat(Predicates.comparable(struct(field("s", new Slice(Universe.INT))))).isFalse();
        assertThat(Predicates.comparable(new Array(2, new Map(Universe.INT, Universe.INT)))).isFalse();
        assertThat(Predicates.comparable(Universe.ANY_TYPE)).isTrue();
    }

    @Test
    void sizesMatchGcOnAmd64() {
        Struct s = struct(field("a", Universe.INT8), field("b", Universe.INT64), field("c", Universe.INT16));
        assertThat(Sizes.sizeof(s)).isEqualTo(24);
        assertThat(Sizes.alignof(s)).isEqualTo(8);
        assertThat(Sizes.offsetsof(s.fields())).containsExactly(0, 8, 16);
        assertThat(Sizes.sizeof(Universe.STRING)).isEqualTo(16);
        assertThat(Sizes.sizeof(new Slice(Universe.INT))).isEqualTo(24);
        assertThat(Sizes.alignof(Universe.COMPLEX128)).isEqualTo(8);
        assertThat(Sizes.sizeof(Universe.ANY_TYPE)).isEqualTo(16);
        // gc pads a trailing zero-size field so a pointer to it stays inside the object
        Struct z = struct(field("a", Universe.INT32), field("e", struct()));
        assertThat(Sizes.sizeof(z)).isEqualTo(8);
    }

    @Test
    void lookupFindsPromotedFieldsAndReportsAmbiguity() {
        Named inner = new Named(new TypeName(0, P, "Inner", null), struct(field("x", Universe.INT)));
        Named other = new Named(new TypeName(0, P, "Other", null), struct(field("x", Universe.STRING)));
        Struct outer = new Struct(List.of(Var.field(0, P, "Inner", inner, true)), List.of());
        Lookup.Result r = Lookup.lookupFieldOrMethod(outer, false, P, "x");
        assertThat(r.obj()).isInstanceOf(Var.class);
        assertThat(r.index()).containsExactly(0, 0);

        Struct both = new Struct(List.of(Var.field(0, P, "Inner", inner, true), Var.field(0, P, "Other", other, true)), List.of());
        assertThat(Lookup.lookupFieldOrMethod(both, false, P, "x").ambiguous()).isTrue();
    }

    @Test
    void pointerMethodsNeedAnAddressableOperand() {
        Named t = new Named(new TypeName(0, P, "T", null), struct());
        Signature sig = new Signature(new Var(0, P, "t", new Pointer(t)), List.of(), Tuple.EMPTY, Tuple.EMPTY, false);
        t.addMethod(new Func(0, P, "M", sig));
        assertThat(Lookup.lookupFieldOrMethod(t, false, P, "M").indirect()).isTrue();
        assertThat(Lookup.lookupFieldOrMethod(t, true, P, "M").obj()).isInstanceOf(Func.class);
        assertThat(Lookup.lookupFieldOrMethod(new Pointer(t), false, P, "M").obj()).isInstanceOf(Func.class);
    }
}
