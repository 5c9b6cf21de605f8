package io.newsarchive.system;

import java.sql.SQLException;

/** The catalog database could not answer; clients get a 503, the log gets the reason. */
public class DatabaseFailure extends RuntimeException {

    public DatabaseFailure(SQLException cause) {
        super("the catalog database could not answer: " + cause.getMessage(), cause);
    }
}
