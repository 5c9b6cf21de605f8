package io.newsarchive.catalog;

import io.newsarchive.system.ContentDisposition;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** A small table as RFC 4180 CSV, and as a download: the tables of pages and the numbers of charts. */
final class CsvTable {

    /** The media type of these downloads; each has a header line. */
    static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    private CsvTable() {}

    static String text(List<String> header, List<? extends List<?>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                text,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (List<?> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a CSV in memory is always written", e);
        }
        return text.toString();
    }

    static Response download(String fileName, List<String> header, List<? extends List<?>> rows) {
        return attachment(text(header, rows), fileName);
    }

    static Response attachment(String csv, String fileName) {
        return Response.ok(csv)
                .header("Content-Disposition", ContentDisposition.attachment(fileName))
                .build();
    }
}
