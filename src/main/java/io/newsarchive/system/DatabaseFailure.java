package io.newsarchive.system;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/** The catalog database could not answer; clients get a 503, the log gets the reason. */
public class DatabaseFailure extends RuntimeException {

    public DatabaseFailure(Throwable cause) {
        super("the catalog database could not answer: " + cause.getMessage(), cause);
    }

    /**
     * Whether a failure, however wrapped (Hibernate wraps its own), comes from a database that is away rather than
     * from a mistake: a connection exception (SQLSTATE class 08), the server shutting down or starting (57P0x), or
     * no connection to be had in time (the pool's acquisition timeout).
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getCause() instanceof TimeoutException
                            || sql.getSQLState() != null
                                    && (sql.getSQLState().startsWith("08")
                                            || sql.getSQLState().startsWith("57P0")))) {
                return true;
            }
        }
        return false;
    }
}
