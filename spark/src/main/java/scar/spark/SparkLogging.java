package scar.spark;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;

/**
 * How loud Spark is in local mode. Left to itself, Spark finds no Log4j 2 configuration on a plain class path and
 * loads its own defaults, which print every stage, task and block at INFO: about a thousand lines on standard error
 * for one small study, burying the profile. When SCAR starts a local session and Log4j 2 has no configuration of its
 * own, {@link #quietLocalSession} loads those same defaults with the root level at WARN, or at the level named by
 * the system property {@value #LEVEL_PROPERTY} ({@code -Dscar.spark.log=info} brings Spark's INFO lines back).
 * A cluster master, or any Log4j 2 configuration (spark-submit's {@code conf/log4j2.properties},
 * {@code -Dlog4j2.configurationFile}), is left alone.
 */
final class SparkLogging {
    /** The system property that names the level of Spark's log in a local session SCAR starts. */
    static final String LEVEL_PROPERTY = "scar.spark.log";
    /** Spark's own default Log4j 2 configuration (the one it loads when it finds none). */
    private static final String SPARK_DEFAULTS = "org/apache/spark/log4j2-defaults.properties";

    private SparkLogging() {
    }

    /**
     * Before a session with master {@code master} is created: if it is local and Log4j 2 is Spark's backend with no
     * configuration of its own, Spark's defaults at the level of {@value #LEVEL_PROPERTY} (WARN unless set).
     */
    static void quietLocalSession(String master) {
        Level level = level(System.getProperty(LEVEL_PROPERTY));
        if (!master.startsWith("local")) {
            return;
        }
        if (!(LogManager.getContext(false) instanceof LoggerContext context)
                || !(context.getConfiguration() instanceof DefaultConfiguration)) {
            return; // another logging backend, or a configuration someone chose
        }
        URL defaults = SparkLogging.class.getClassLoader().getResource(SPARK_DEFAULTS);
        if (defaults == null) {
            return; // a Spark without that file: it decides for itself
        }
        try {
            context.setConfigLocation(defaults.toURI());
        } catch (URISyntaxException e) {
            return;
        }
        Configurator.setRootLevel(level);
    }

    /** The level a value of {@value #LEVEL_PROPERTY} names; WARN for null. */
    static Level level(String name) {
        if (name == null) {
            return Level.WARN;
        }
        Level level = Level.getLevel(name.strip().toUpperCase(Locale.ROOT));
        if (level == null) {
            throw new IllegalArgumentException("-D" + LEVEL_PROPERTY + "=" + scar.data.Shown.value(name)
                    + " is not a log level; expected one of OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL");
        }
        return level;
    }
}
