package io.newsarchive.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Timer;
import io.newsarchive.corpus.ArticleParser;
import io.newsarchive.corpus.ParseProblem;
import io.newsarchive.corpus.ParseResult;
import io.newsarchive.system.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an ingest: records the run, reads and parses the files in order, and stores them batch by batch. The next
 * batch is read and parsed on a second thread while the current one is being stored.
 */
@ApplicationScoped
public class IngestService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestRuns runs;

    @Inject
    CatalogConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    IngestMetrics metrics;

    private record Batch(List<Candidate> candidates, int end) {}

    /**
     * @return the id of the run, whose report {@link IngestReports} gives
     * @throws IngestFailure when the run could not be completed; files stored before that stay stored
     */
    public long ingest(InputFiles input, IngestRequest request, IngestProgress progress) {
        runs.markInterrupted();
        List<InputFile> files = input.files();
        CatalogConfig.Ingest limits = config.ingest();
        ArticleParser parser =
                new ArticleParser(limits.maxFileBytes().asLongValue(), limits.maxHeadlineChars(), limits.maxUrlBytes());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long runId;
        try (Connection conn = dataSource.getConnection()) {
            runId = runs.start(conn, request, files.size());
            Timer.Sample run = metrics.runStarted();
            ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ingest-reader-" + request.trigger());
                t.setDaemon(true);
                return t;
            });
            try {
                progress.started(runId, files.size());
                ArticleBatchWriter writer =
                        new ArticleBatchWriter(conn, runId, request.startedBy(), request.dryRun(), json, metrics);
                Future<Batch> next = reader.submit(() -> read(files, 0, parser, today));
                Batch batch = next.get();
                while (!batch.candidates().isEmpty()) {
                    int from = batch.end();
                    next = reader.submit(() -> read(files, from, parser, today));
                    progress.advanced(batch.end(), writer.write(batch.candidates()));
                    batch = next.get();
                }
                runs.complete(conn, runId);
                metrics.runEnded(run, request, RunStatus.COMPLETED);
                return runId;
            } catch (SQLException | ExecutionException | RuntimeException e) {
                String reason = reason(e);
                runs.fail(runId, reason);
                metrics.runEnded(run, request, RunStatus.FAILED);
                throw new IngestFailure("ingest run " + runId + " failed: " + reason, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                runs.fail(runId, "interrupted");
                metrics.runEnded(run, request, RunStatus.FAILED);
                throw new IngestFailure("ingest run " + runId + " was interrupted", e);
            } finally {
                reader.shutdownNow();
                runs.release(conn, runId);
            }
        } catch (SQLException e) {
            throw new IngestFailure("cannot start an ingest run: " + e.getMessage(), e);
        }
    }

    /** Reads and parses files from {@code from} on until the batch is full. */
    private Batch read(List<InputFile> files, int from, ArticleParser parser, LocalDate today) {
        List<Candidate> batch = new ArrayList<>();
        long bytes = 0;
        int i = from;
        while (i < files.size()
                && batch.size() < config.ingest().batchFiles()
                && bytes < config.ingest().batchBytes().asLongValue()) {
            Candidate c = readOne(files.get(i), i + 1, parser, today);
            bytes += c.bytes().length;
            batch.add(c);
            i++;
        }
        return new Batch(batch, i);
    }

    private Candidate readOne(InputFile file, int seq, ArticleParser parser, LocalDate today) {
        if (file.refusal() != null) {
            return refused(file, seq, file.refusal());
        }
        try {
            long max = config.ingest().maxFileBytes().asLongValue();
            byte[] bytes = file.readAtMost(max + 1);
            metrics.read(bytes.length);
            // a file over the limit is refused for its size, which its first bytes cannot be checked for
            String damage = bytes.length > max ? null : damage(file, bytes);
            if (damage != null) {
                return refused(file, seq, ParseProblem.error("manifest", null, damage));
            }
            ParseResult parse = withNameNote(file, parser.parse(bytes, today));
            return new Candidate(seq, file, parse.accepted() ? bytes : new byte[0], parse);
        } catch (IOException e) {
            return refused(file, seq, ParseProblem.error("read", null, "cannot read the file: " + e.getMessage()));
        }
    }

    /** Which manifest of its bag or export a file's bytes contradict, or null. */
    private static String damage(InputFile file, byte[] bytes) {
        for (Map.Entry<String, String> expected : file.digests().entrySet()) {
            MessageDigest digest = ExportedPackage.digest(expected.getKey(), file.name());
            if (!HexFormat.of().formatHex(digest.digest(bytes)).equals(expected.getValue())) {
                return "the file's " + expected.getKey() + " digest is not the one manifest-" + expected.getKey()
                        + ".txt gives: it was changed or damaged since its package was made";
            }
        }
        return null;
    }

    private static ParseResult withNameNote(InputFile file, ParseResult parse) {
        if (file.nameNote() == null) {
            return parse;
        }
        List<ParseProblem> problems = new ArrayList<>(parse.problems());
        problems.add(0, file.nameNote());
        return new ParseResult(parse.article(), problems, parse.sha256());
    }

    private static Candidate refused(InputFile file, int seq, ParseProblem problem) {
        return new Candidate(seq, file, new byte[0], new ParseResult(null, List.of(problem), null));
    }

    private static String reason(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null
                ? cause.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
