/**
 * Go strings over native memory: mirrors runtime/string.go and runtime/utf8.go (plus internal/bytealg's
 * Compare for {@code cmpstring}).
 *
 * <p>A guided tour:
 * <ol>
 *   <li>{@link glassgo.runtime.strings.Utf8} — {@code decoderune} (what {@code for i, r := range s} calls
 *       for non-ASCII bytes; {@code next} does one whole step), {@code encoderune}, {@code countrunes},
 *       with Go's rules: one U+FFFD per invalid byte.</li>
 *   <li>{@link glassgo.runtime.strings.Strings} — {@code concatstrings}, {@code slicebytetostring},
 *       {@code slicebytetostringtmp}, {@code stringtoslicebyte}, {@code stringtoslicerune},
 *       {@code slicerunetostring}, {@code intstring}, {@code cmpstring}, {@code eqstring}.</li>
 * </ol>
 *
 * <h2>Calling convention (what compiled code does)</h2>
 * <ul>
 *   <li>A string is a 16-byte header {@code {data, len}}, a slice a 24-byte header {@code {data, len, cap}};
 *       operands are passed as {@code data, len} (and a header array's address for concatstrings).</li>
 *   <li>Results are written to a header at {@code res} that the caller provides (its frame, a heap object,
 *       a global): the data pointer through the write barrier, the lengths as plain words.</li>
 *   <li>{@code buf}: the address of a 32-byte (for intstring, 4-byte) buffer in the caller's frame that a
 *       non-escaping result may live in, or 0, as Go's {@code *tmpBuf} argument.</li>
 *   <li>New bytes are noscan heap objects ({@code Mutator.allocBytes}); {@code []byte} and {@code []rune}
 *       get Go's capacities (rounded up to the size class). One-byte strings point into a static table
 *       outside the heap and allocate nothing, as in Go.</li>
 *   <li>{@code decoderune} and {@code Utf8.next} return the rune and the next index packed in a long:
 *       read them with {@code Utf8.rune} and {@code Utf8.pos}.</li>
 * </ul>
 */
package glassgo.runtime.strings;
