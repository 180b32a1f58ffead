// MapAbi: the map entry points compiled Go calls (cmd/compile's calls to runtime.makemap, mapaccess1,
// mapaccess2, mapassign, mapdelete, mapiterinit, mapiternext in map.go), taking the goroutine's Stack
// instead of getg(), and the bootstrap that builds a map type's descriptor once per program.
package glassgo.runtime.maps;

import glassgo.runtime.iface.Iface;
import glassgo.runtime.iface.RType;
import glassgo.runtime.mutator.Abi;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.stack.Stack;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiled code names a map type by a JVM dynamic constant whose bootstrap is {@link #maptype}: the key and
 * elem type descriptors (indexes into the program's type table, {@link Abi#type}) and the key's hash and
 * equality written as a short string (see {@link #parseAlg}), resolved once and then a constant to the JIT.
 */
public final class MapAbi {
    private MapAbi() {
    }

    static Goroutine g(Stack s) {
        return (Goroutine) s.owner;
    }

    /**
     * Bootstrap of a map type constant: its Go name, the key's alg as {@link #parseAlg} reads it, the key and
     * elem type indexes.
     */
    public static MapType maptype(MethodHandles.Lookup lookup, String constName, Class<?> type, String mapName, String alg,
                                  int key, int elem) {
        return MapType.of(mapName, Abi.type(key), parseAlg(alg), Abi.type(elem));
    }

    /**
     * Bootstrap of a map type whose key holds interface values: the key's hash and equality go through its type
     * descriptor at {@code descOff} in the program's data block (runtime.iface's typehash and typeEqual).
     */
    public static MapType maptypeTyped(MethodHandles.Lookup lookup, String constName, Class<?> type, String mapName,
                                       int descOff, int key, int elem) {
        RType t = Iface.rtype(Abi.data() + descOff);
        Alg alg = new Alg.Typed(Abi.type(key).size(), new Alg.TypeOps() {
            @Override
            public long hash(long p, long seed) {
                return Iface.typehash(t, p, seed);
            }

            @Override
            public boolean equal(long p, long q) {
                return Iface.typeEqual(t, p, q);
            }
        });
        return MapType.of(mapName, Abi.type(key), alg, Abi.type(elem));
    }

    /**
     * A key type's alg as the compiler spells it: {@code m<size>} memory, {@code f4}/{@code f8} floats,
     * {@code c4}/{@code c8} complexes (by the part's size), {@code s} string,
     * {@code S<size>{<off>:<alg>,...}} a struct compared field by field (blank fields left out),
     * {@code A<n>x<elemsize>(<alg>)} an array compared element by element.
     */
    public static Alg parseAlg(String s) {
        int[] pos = {0};
        Alg a = parse(s, pos);
        if (pos[0] != s.length()) {
            throw new IllegalArgumentException("maps: trailing text in alg " + s);
        }
        return a;
    }

    private static Alg parse(String s, int[] pos) {
        char c = s.charAt(pos[0]++);
        switch (c) {
            case 'm':
                return new Alg.Mem(number(s, pos));
            case 'f':
                return number(s, pos) == 4 ? new Alg.F32() : new Alg.F64();
            case 'c':
                return new Alg.Complex(number(s, pos) == 4 ? new Alg.F32() : new Alg.F64());
            case 's':
                return new Alg.Str();
            case 'S': {
                long size = number(s, pos);
                expect(s, pos, '{');
                List<Alg.Field> fields = new ArrayList<>();
                while (s.charAt(pos[0]) != '}') {
                    long off = number(s, pos);
                    expect(s, pos, ':');
                    fields.add(new Alg.Field(off, parse(s, pos)));
                    if (s.charAt(pos[0]) == ',') {
                        pos[0]++;
                    }
                }
                pos[0]++;
                return new Alg.Struct(size, fields);
            }
            case 'A': {
                long n = number(s, pos);
                expect(s, pos, 'x');
                long es = number(s, pos);
                expect(s, pos, '(');
                Alg elem = parse(s, pos);
                expect(s, pos, ')');
                return new Alg.Array(elem, es, n);
            }
            default:
                throw new IllegalArgumentException("maps: unknown alg '" + c + "' in " + s);
        }
    }

    private static long number(String s, int[] pos) {
        int start = pos[0];
        while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) {
            pos[0]++;
        }
        return Long.parseLong(s.substring(start, pos[0]));
    }

    private static void expect(String s, int[] pos, char c) {
        if (s.charAt(pos[0]++) != c) {
            throw new IllegalArgumentException("maps: expected '" + c + "' at " + (pos[0] - 1) + " in " + s);
        }
    }

    /** {@code make(map[K]V, hint)}; a negative or huge hint counts as 0, as in Go. */
    public static long makemap(Stack s, MapType t, long hint) {
        return Maps.makemap(g(s), t, hint);
    }

    public static long maplen(long h) {
        return Maps.maplen(h);
    }

    /** {@code m[k]}: the elem's address (a shared zero value when absent). */
    public static long mapaccess1(Stack s, MapType t, long h, long key) {
        return Maps.mapaccess1(g(s), t, h, key);
    }

    /** {@code v, ok := m[k]}: the elem's address, or 0 when absent. */
    public static long mapaccess2(Stack s, MapType t, long h, long key) {
        return Maps.mapaccess2(g(s), t, h, key);
    }

    /** {@code m[k] = ...}: the elem slot's address to store into. */
    public static long mapassign(Stack s, MapType t, long h, long key) {
        return Maps.mapassign(g(s), t, h, key);
    }

    public static void mapdelete(Stack s, MapType t, long h, long key) {
        Maps.mapdelete(g(s), t, h, key);
    }

    public static void mapiterinit(Stack s, MapType t, long h, long it) {
        Hiter.mapiterinit(g(s), t, h, it);
    }

    public static void mapiternext(Stack s, MapType t, long it) {
        Hiter.mapiternext(g(s), t, it);
    }
}
