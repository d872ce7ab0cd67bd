package io.berth.distribution.platform;

import org.jboss.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Routes the framework's own log into the host's logging, naming the bundle involved. */
final class FelixLogger extends org.apache.felix.framework.Logger {

    private static final Logger LOG = Logger.getLogger("io.berth.framework");

    FelixLogger() {
        setLogLevel(LOG_DEBUG);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String message, Throwable throwable) {
        String text = bundle == null ? message : message + " [" + bundle.getSymbolicName() + " " + bundle.getVersion() + "]";
        doLog(level, text, throwable);
    }

    /** Receives the resolver's messages too, such as every wire it makes at debug level. */
    @Override
    protected void doLog(int level, String text, Throwable throwable) {
        switch (level) {
            case LOG_ERROR -> LOG.error(text, throwable);
            case LOG_WARNING -> LOG.warn(text, throwable);
            case LOG_INFO -> LOG.debug(text, throwable);
            default -> LOG.trace(text, throwable);
        }
    }
}
