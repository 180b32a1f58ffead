/**
 * Go 1.19's collector: concurrent tricolor mark-and-sweep with the hybrid write barrier.
 * {@link glassgo.runtime.gc.classic.ClassicCollector} holds the cycle (its class comment numbers the
 * steps); {@code Mark} the marking primitives (shade/greyobject, scanobject, drain, markroot, the
 * gcverify walk); {@code GcWork} the work buffers and their global list; {@code WbBuf} a P's
 * write-barrier buffer. A new algorithm copies this package's shape.
 */
package glassgo.runtime.gc.classic;
