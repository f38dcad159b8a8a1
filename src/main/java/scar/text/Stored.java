package scar.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a number of a result may be when the result is read back from JSON ({@link Json#fromTree}): a range, and
 * whether it may be NaN (a number the result does not give, SPEC §11). On an array or a list it applies to every
 * number in it. A stored number so marked must be finite unless {@link #undefined()} allows NaN; infinities are never
 * allowed. The file's number is refused with its path, its value and this rule.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Stored {
    /** The smallest value allowed. */
    double min() default Double.NEGATIVE_INFINITY;

    /** The largest value allowed. */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether NaN (undefined: no held-out items, no fitted curve) is allowed. */
    boolean undefined() default false;
}
