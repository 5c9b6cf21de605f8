package io.newsarchive.dev;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.transport.Netty4Plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A single OpenSearch node with HTTP, transport and the common analyzers, as the distribution runs it, started from
 * the Maven artifacts: {@code LocalOpenSearch <http port> <home folder>}. It runs until the process is stopped.
 */
public final class LocalOpenSearch extends Node {

    private LocalOpenSearch(Settings settings) {
        super(new Environment(settings, null), List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
    }

    public static void main(String[] args) throws NodeValidationException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: LocalOpenSearch <http port> <home folder>");
            System.exit(2);
        }
        Path home = Path.of(args[1]).toAbsolutePath();
        Settings settings = Settings.builder()
                .put("cluster.name", "catalog-local")
                .put("node.name", "catalog-local")
                .put("network.host", "127.0.0.1")
                .put("http.port", args[0])
                .put("transport.port", "9300-9399")
                .put("discovery.type", "single-node")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                // a development machine's disk may be fuller than a server's watermarks allow
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        LocalOpenSearch node = new LocalOpenSearch(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("LocalOpenSearch: closing: " + e.getMessage());
            }
        }));
        node.start();
        // a test JVM that starts this node names itself: the node ends with it, even when it is killed
        String parent = System.getProperty("local-opensearch.parent-pid");
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent))
                    .map(ProcessHandle::onExit)
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenRun(() -> System.exit(0));
        }
        // the node's threads are daemons: the distribution keeps its JVM alive with a thread of its own, as here
        Thread.currentThread().join();
    }
}
