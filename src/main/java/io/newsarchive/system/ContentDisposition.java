package io.newsarchive.system;

import com.google.common.escape.Escaper;
import com.google.common.net.PercentEscaper;

/**
 * {@code Content-Disposition} values for any file name (RFC 6266): an ASCII {@code filename} for old clients, and the
 * exact name as {@code filename*=UTF-8''…}, which browsers and {@code curl -J} prefer.
 */
public final class ContentDisposition {

    /** RFC 8187's attr-char, letters and digits aside. */
    private static final Escaper ATTR_CHARS = new PercentEscaper("!#$&+-.^_`|~", false);

    private ContentDisposition() {}

    public static String attachment(String fileName) {
        return of("attachment", fileName);
    }

    public static String inline(String fileName) {
        return of("inline", fileName);
    }

    private static String of(String type, String fileName) {
        StringBuilder ascii = new StringBuilder(fileName.length());
        fileName.codePoints()
                .forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + ATTR_CHARS.escape(fileName);
    }
}
