package io.newsarchive.system;

import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.OutputStream;

/**
 * Zips whose entry names Info-ZIP's unzip, 7-Zip, macOS and Windows all extract as written: entries marked as made on
 * Unix, with UTF-8 names flagged as such and repeated in the Info-ZIP Unicode path field. (Info-ZIP's unzip reads
 * the name of an entry marked as made on MS-DOS, as {@code java.util.zip} marks them, in a DOS code page, whatever the
 * UTF-8 flag says.)
 */
public final class PortableZip {

    private PortableZip() {}

    /** A zip written to {@code out}, which closing it closes. */
    public static ZipArchiveOutputStream open(OutputStream out) {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
        zip.setEncoding("UTF-8");
        zip.setUseLanguageEncodingFlag(true);
        zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.ALWAYS);
        return zip;
    }

    /** An entry of a file readable by all, made on Unix at {@code time} (milliseconds since the epoch). */
    public static ZipArchiveEntry entry(String name, long time) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(UnixStat.FILE_FLAG | 0644);
        entry.setTime(time);
        return entry;
    }
}
