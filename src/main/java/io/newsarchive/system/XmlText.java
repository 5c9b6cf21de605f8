package io.newsarchive.system;

import java.util.regex.Pattern;

/** Text as XML 1.0 can carry it, for the catalog's XML answers (OAI-PMH, feeds). */
public final class XmlText {

    /** Characters XML 1.0 cannot carry: controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private XmlText() {}

    /** The text without the characters XML 1.0 cannot carry; an XML writer would write them into a broken document. */
    public static String of(String text) {
        return NOT_XML.matcher(text).replaceAll("");
    }
}
