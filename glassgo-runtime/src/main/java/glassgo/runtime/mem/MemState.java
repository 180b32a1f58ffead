// MemState: Go's four states of an address range (runtime/mem.go's comment: None, Reserved, Prepared, Ready).
package glassgo.runtime.mem;

/** The state of one 4 MiB heap chunk as tracked by {@link AddressSpace}. */
public enum MemState {
    /** Not owned by the runtime. */
    NONE,
    /** Owned, PROT_NONE: faults if touched, costs no memory. */
    RESERVED,
    /** Mapped read-write but not in use: contents undefined, may be backed or not. */
    PREPARED,
    /** In use by the heap. */
    READY
}
