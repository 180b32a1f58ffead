/**
 * Interfaces at run time: mirrors runtime/iface.go (itabs, assertions, conversions), runtime/type.go (the
 * type descriptors the compiler lays out in the data block) and runtime/alg.go (interface equality and
 * hashing).
 *
 * <p>A guided tour:
 * <ol>
 *   <li>{@link glassgo.runtime.iface.RType} — a read-only view of one {@code _type} descriptor in native memory
 *       (kind, size, name, elem, fields, methods), decoded once per address.</li>
 *   <li>{@link glassgo.runtime.iface.Iface} — what compiled code calls: {@code init} (relocates the
 *       descriptors and loads the itab table), {@code assertE2I}/{@code assertE2I2}/{@code convI2I} (Go's
 *       itabTable lookup), {@code panicdottype} (Go's TypeAssertionError texts), {@code efaceeq}/
 *       {@code typehash} (equality and hashing of dynamic values, for {@code ==} and for map keys).</li>
 * </ol>
 *
 * <h2>Representation (what compiled code relies on)</h2>
 * An empty interface is two words {@code {*_type, data}}, a non-empty one {@code {*itab, data}}; nil is
 * {@code {0, 0}}. Descriptors and itabs live in the program's read-only data block, outside the heap, so the
 * collector ignores the first word although the pointer mask marks it. The data word holds a pointer-shaped
 * value itself (kind flag {@code 0x20}, Go's kindDirectIface) and otherwise points to a mallocgc'd copy.
 */
package glassgo.runtime.iface;
