// PiController: a proportional-integral controller with anti-windup, the smoothing function Go 1.19's pacer
// applies to its cons/mark estimate and its scavenger to its sleep ratio. Mirrors runtime/mgcpacer.go's
// piController (next, reset).
package glassgo.runtime.gc;

/**
 * Each {@link #next} takes the current output ({@code input}) and the value it should have had
 * ({@code setpoint}) and returns {@code kp × error + integral of past errors}, clamped to [min, max]. The
 * integral accumulates {@code kp × period / ti × error} plus a back-calculation term
 * {@code period / tt × (clamped − raw)} that bleeds off error gathered while the output was clamped.
 * A non-finite output or integral resets the controller and reports failure, as Go's does.
 */
public final class PiController {
    private final double kp;
    private final double ti;
    private final double tt;
    private final double min;
    private final double max;
    private double errIntegral;

    public PiController(double kp, double ti, double tt, double min, double max) {
        this.kp = kp;
        this.ti = ti;
        this.tt = tt;
        this.min = min;
        this.max = max;
    }

    /** One step; {@code period} is the time since the last sample in the caller's unit. */
    public Result next(double input, double setpoint, double period) {
        double raw = kp * (setpoint - input) + errIntegral;
        if (!Double.isFinite(raw)) {
            reset();
            return new Result(min, false);
        }
        double output = Math.min(Math.max(raw, min), max);
        if (ti != 0 && tt != 0) {
            errIntegral += (kp * period / ti) * (setpoint - input) + (period / tt) * (output - raw);
            if (!Double.isFinite(errIntegral)) {
                reset();
                return new Result(min, false);
            }
        }
        return new Result(output, true);
    }

    public void reset() {
        errIntegral = 0;
    }

    /** The controller's output and whether it is usable (false: the controller was reset). */
    public record Result(double output, boolean ok) {}
}
