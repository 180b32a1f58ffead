// WaitReason: why a goroutine is parked, with the exact strings Go 1.19 prints in
// tracebacks ("goroutine 1 [chan receive]:") and scheddetail. Mirrors runtime2.go's
// waitReason constants; the constant names are Go's so that a search for
// "waitReasonSemacquire" lands here.
package glassgo.runtime.sched;

/** The reason a goroutine is in {@code _Gwaiting}; {@link #toString()} is Go's text. */
public enum WaitReason {
    waitReasonZero(""),
    waitReasonGCAssistMarking("GC assist marking"),
    waitReasonIOWait("IO wait"),
    waitReasonChanReceiveNilChan("chan receive (nil chan)"),
    waitReasonChanSendNilChan("chan send (nil chan)"),
    waitReasonDumpingHeap("dumping heap"),
    waitReasonGarbageCollection("garbage collection"),
    waitReasonGarbageCollectionScan("garbage collection scan"),
    waitReasonPanicWait("panicwait"),
    waitReasonSelect("select"),
    waitReasonSelectNoCases("select (no cases)"),
    waitReasonGCAssistWait("GC assist wait"),
    waitReasonGCSweepWait("GC sweep wait"),
    waitReasonGCScavengeWait("GC scavenge wait"),
    waitReasonChanReceive("chan receive"),
    waitReasonChanSend("chan send"),
    waitReasonFinalizerWait("finalizer wait"),
    waitReasonForceGCIdle("force gc (idle)"),
    waitReasonSemacquire("semacquire"),
    waitReasonSleep("sleep"),
    waitReasonSyncCondWait("sync.Cond.Wait"),
    waitReasonTimerGoroutineIdle("timer goroutine (idle)"),
    waitReasonTraceReaderBlocked("trace reader (blocked)"),
    waitReasonWaitForGCCycle("wait for GC cycle"),
    waitReasonGCWorkerIdle("GC worker (idle)"),
    waitReasonPreempted("preempted"),
    waitReasonDebugCall("debug call");

    private final String text;

    WaitReason(String text) {
        this.text = text;
    }

    /** Go's string for this reason, as printed in a goroutine header. */
    @Override
    public String toString() {
        return text;
    }
}
