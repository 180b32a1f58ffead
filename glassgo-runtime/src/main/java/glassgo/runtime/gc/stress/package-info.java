/**
 * {@link glassgo.runtime.gc.stress.GcStress}: the collector's torture test with an oracle that does not
 * trust the collector, the logic behind {@code glassgo lab gcstress}.
 */
package glassgo.runtime.gc.stress;
