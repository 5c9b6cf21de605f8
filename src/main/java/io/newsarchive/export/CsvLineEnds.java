package io.newsarchive.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns the LF that ends each record of PostgreSQL's CSV into the CRLF of RFC 4180, and leaves line breaks inside
 * quoted fields as they are. Works on bytes: in UTF-8 a quote or a line feed byte is always that character.
 */
final class CsvLineEnds extends FilterOutputStream {

    private static final byte[] CRLF = {'\r', '\n'};

    private boolean quoted;

    CsvLineEnds(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int run = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '"') {
                quoted = !quoted;
            } else if (bytes[i] == '\n' && !quoted) {
                out.write(bytes, run, i - run);
                out.write(CRLF);
                run = i + 1;
            }
        }
        out.write(bytes, run, offset + length - run);
    }
}
