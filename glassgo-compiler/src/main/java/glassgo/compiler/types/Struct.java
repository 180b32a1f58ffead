package glassgo.compiler.types;

import java.util.List;

/** A struct type (go/types {@code Struct}): fields in order, each with its tag ("" when none). */
public final class Struct implements Type {
    private final List<Var> fields;
    private final List<String> tags;

    public Struct(List<Var> fields, List<String> tags) {
        this.fields = List.copyOf(fields);
        this.tags = List.copyOf(tags);
    }

    public List<Var> fields() {
        return fields;
    }

    public int numFields() {
        return fields.size();
    }

    public Var field(int i) {
        return fields.get(i);
    }

    public String tag(int i) {
        return i < tags.size() ? tags.get(i) : "";
    }

    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
