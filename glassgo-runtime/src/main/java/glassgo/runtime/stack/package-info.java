/**
 * Goroutine stacks for compiled Go: {@link glassgo.runtime.stack.Stack} (frames in native memory,
 * addressed relative to the stack base, grown by copying) and {@link glassgo.runtime.stack.FrameLayout}
 * (each function's frame size and pointer words, what the collector's stack scan reads). Mirrors
 * runtime/stack.go and the stack-map half of runtime/symtab.go.
 */
package glassgo.runtime.stack;
