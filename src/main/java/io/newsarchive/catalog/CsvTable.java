package io.newsarchive.catalog;

import io.newsarchive.system.ContentDisposition;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** A small table as an RFC 4180 CSV download, for the tables of pages (top words, coverage by source). */
final class CsvTable {

    private CsvTable() {}

    static Response download(String fileName, List<String> header, List<List<Object>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                text,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a CSV in memory is always written", e);
        }
        return Response.ok(text.toString())
                .header("Content-Disposition", ContentDisposition.attachment(fileName))
                .build();
    }
}
