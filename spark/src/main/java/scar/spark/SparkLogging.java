package scar.spark;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.spark.sql.SparkSession;

/**
 * How loud Spark is in local mode. With no Log4j 2 configuration of its own (a plain class path, or spark-submit
 * without {@code conf/log4j2.properties}) Spark loads its defaults, which print every stage, task and block at INFO:
 * about a thousand lines on standard error for one small study, burying the profile. A local session that SCAR starts
 * then logs warnings and errors only; Spark's own setting {@value #LEVEL} ({@code -Dspark.log.level=INFO}, or
 * {@code --conf spark.log.level=INFO} with spark-submit) brings its INFO lines back. A cluster master, a Log4j 2
 * configuration someone chose ({@code -Dlog4j2.configurationFile}, a cluster's {@code conf/log4j2.properties}) and a
 * {@value #LEVEL} that is set are left alone.
 */
final class SparkLogging {
    /** Spark's setting for the level of its log, applied as its SparkContext starts. */
    static final String LEVEL = "spark.log.level";
    /** Spark's own default Log4j 2 configuration (the one it loads when it finds none). */
    private static final String SPARK_DEFAULTS = "org/apache/spark/log4j2-defaults.properties";

    private SparkLogging() {
    }

    /** {@code builder} of a new session with master {@code master}, quiet if local and nobody chose the logging. */
    static SparkSession.Builder quietLocal(SparkSession.Builder builder, String master) {
        if (!master.startsWith("local") || System.getProperty(LEVEL) != null
                || !(LogManager.getContext(false) instanceof LoggerContext context)) {
            return builder; // a cluster, a level chosen, or another logging backend
        }
        URL defaults = SparkLogging.class.getClassLoader().getResource(SPARK_DEFAULTS);
        URI sparks;
        try {
            sparks = defaults == null ? null : defaults.toURI();
        } catch (URISyntaxException e) {
            sparks = null;
        }
        if (sparks == null) {
            return builder; // a Spark without that file: it decides for itself
        }
        if (context.getConfiguration() instanceof DefaultConfiguration) {
            // no configuration at all: Spark's defaults at WARN already, so that its first lines are quiet too
            context.setConfigLocation(sparks);
            context.getConfiguration().getRootLogger().setLevel(Level.WARN);
            context.updateLoggers();
        } else if (!sparks.equals(context.getConfigLocation())) {
            return builder; // a configuration someone chose
        }
        // spark-submit has loaded Spark's defaults and reloads them as the SparkContext starts: only this holds
        return builder.config(LEVEL, "WARN");
    }
}
