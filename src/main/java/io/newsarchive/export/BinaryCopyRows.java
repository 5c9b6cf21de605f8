package io.newsarchive.export;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The rows of {@code COPY (select) TO STDOUT (FORMAT binary)}, read field by field in the format PostgreSQL
 * documents: text arrives as its UTF-8 bytes and numbers as numbers, so nothing is decoded, and PostgreSQL sends
 * rows while earlier ones are written out, where a cursor would wait for every fetch. A failure to read is the
 * database's, and reported as an {@link SQLException}. The COPY ends with the last row; one left unfinished leaves
 * its connection unfit for reuse.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private interface Read<T> {
        T from(DataInputStream in) throws IOException, SQLException;
    }

    private final PGCopyInputStream copy;
    private final DataInputStream in;
    private byte[] bytes = new byte[16384];
    private int length;

    BinaryCopyRows(Connection connection, String select) throws SQLException {
        copy = new PGCopyInputStream(
                connection.unwrap(PGConnection.class), "copy (" + select + ") to stdout (format binary)");
        in = new DataInputStream(new BufferedInputStream(copy, 65536));
        read(in -> {
            if (!Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE)) {
                throw new SQLException("the database sent no binary COPY data");
            }
            in.readInt();
            in.skipNBytes(in.readInt());
            return null;
        });
    }

    /** Moves to the next row; false after the last one. */
    boolean next() throws SQLException {
        return read(in -> in.readShort() != -1);
    }

    /** The next field, a {@code bigint}. */
    long int8() throws SQLException {
        return read(in -> {
            fieldLength(in, 8);
            return in.readLong();
        });
    }

    /** The next field, a {@code boolean}. */
    boolean bool() throws SQLException {
        return read(in -> {
            fieldLength(in, 1);
            return in.readByte() != 0;
        });
    }

    /** Reads the next field (text or bytea) into {@link #bytes()}, {@link #length()} long, kept until the next. */
    void field() throws SQLException {
        if (!fieldOrNull()) {
            throw new SQLException("the export's select gave NULL where a value was due");
        }
    }

    /** Like {@link #field()} for a column that may be NULL: false for NULL. */
    boolean fieldOrNull() throws SQLException {
        return read(in -> {
            int size = in.readInt();
            if (size == -1) {
                return false;
            }
            if (size < 0) {
                throw new SQLException("the export's select gave a field of " + size + " bytes");
            }
            if (bytes.length < size) {
                bytes = new byte[Math.max(size, bytes.length * 2)];
            }
            in.readFully(bytes, 0, size);
            length = size;
            return true;
        });
    }

    /** The next field, a {@code text}. */
    String text() throws SQLException {
        field();
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The length that starts every field, checked against {@code size} unless that is -1; NULL is refused. */
    private static int fieldLength(DataInputStream in, int size) throws IOException, SQLException {
        int length = in.readInt();
        if (length < 0 || (size >= 0 && length != size)) {
            throw new SQLException("the export's select gave a field of " + length + " bytes where "
                    + (size < 0 ? "a value" : size + " bytes") + " were due");
        }
        return length;
    }

    private <T> T read(Read<T> read) throws SQLException {
        try {
            return read.from(in);
        } catch (IOException e) {
            throw new SQLException("reading the export from the database failed: " + e.getMessage(), e);
        }
    }
}
