package io.newsarchive.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the catalog, under the prefix {@code catalog}. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** The catalog's name, as exports name their source (for example in a BagIt bag's bag-info.txt). */
    @WithDefault("News archive")
    String name();

    /**
     * The address the catalog is published under, such as {@code https://archive.example.org}, for identifiers in bags
     * and harvests; unset, the address each request came to.
     */
    Optional<String> baseUrl();

    /** Who answers for the catalog, as exports and harvests name them (a bag's {@code Contact-*} fields). */
    Contact contact();

    interface Contact {
        /** A person or office. */
        Optional<String> name();

        /** Their e-mail address. */
        Optional<String> email();

        /** Their telephone number. */
        Optional<String> phone();
    }

    /** The OAI-PMH repository at {@code /oai}. */
    Oai oai();

    interface Oai {
        /**
         * The repository's name in record identifiers ({@code oai:NAME:4711}), a domain name; unset, the host of
         * {@code catalog.base-url}, or {@code news-archive.local}. Harvesters keep identifiers: do not change it.
         */
        Optional<String> repositoryIdentifier();

        /** Records in one answer of ListRecords and ListIdentifiers; the rest follow with a resumption token. */
        @WithDefault("100")
        int pageRecords();
    }

    /** The first admin, created on a start when the catalog has no user yet. */
    Admin admin();

    interface Admin {
        /** Their user name ({@code CATALOG_ADMIN_USER}). */
        Optional<String> user();

        /** Their password ({@code CATALOG_ADMIN_PASSWORD}); only its bcrypt hash is stored. */
        Optional<String> password();
    }

    /** Whether people who have not signed in may browse, search and export the catalog (read-only). */
    @WithDefault("true")
    boolean anonymousBrowsing();

    /** How sign-ins are limited and how long a browser stays signed in. */
    SignIn signIn();

    interface SignIn {
        /** Failed sign-ins of one user name from one address, within {@link #window()}, before each further one waits. */
        @WithDefault("3")
        int failuresBeforeDelay();

        /** The first wait of a user name at one address; each further failure doubles it, up to {@link #window()}. */
        @WithDefault("PT5S")
        Duration firstDelay();

        /** Failed sign-ins from one client address for any user names, within {@link #window()}, after which it must wait. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** How long a failed sign-in counts. */
        @WithDefault("PT15M")
        Duration window();

        /** How long a browser session lasts after signing in. */
        @WithDefault("PT12H")
        Duration sessionLifetime();
    }

    /** Uploads from the admin pages. */
    Uploads uploads();

    interface Uploads {
        /** Where uploads are kept for their runs (a dry run is committed from here, rejected files downloaded). */
        @WithDefault("data/uploads")
        String directory();

        /** Most files in one upload request (a zip counts as one). */
        @WithDefault("1000")
        int maxFiles();

        /** Largest uploaded file, zips included. */
        @WithDefault("512M")
        MemorySize maxFileBytes();

        /** Most entries in one uploaded zip. */
        @WithDefault("100000")
        int maxZipEntries();

        /** Most one uploaded zip may expand to. */
        @WithDefault("4G")
        MemorySize maxZipExpandedBytes();

        /** Most an uploaded zip may expand relative to its own size (a zip bomb expands thousands of times). */
        @WithDefault("100")
        int maxZipRatio();

        /**
         * Whether every archivist may download, store and run again any upload; when false, only its uploader and admins.
         */
        @WithDefault("true")
        boolean shared();

        /** How long an upload is kept after its last run ended; then its folder is deleted (the runs' reports stay). */
        @WithDefault("P30D")
        Duration keepFor();
    }

    /** How corpus files are taken in. */
    Ingest ingest();

    /** What the service ingests when it first starts on an empty catalog. */
    StartupIngest startupIngest();

    /** How listings and searches are answered. */
    Browse browse();

    interface Browse {
        /** Above this many matches of a text query the total is estimated and facets count this many matches. */
        @WithDefault("150000")
        int countLimit();

        /** How many listings' totals and facets are kept until the catalog changes (0 turns keeping them off). */
        @WithDefault("2000")
        int countsCacheEntries();

        /** Longest a listing's or export plan's statement may run (then a 503 asks to narrow it); reads get 5 s more. */
        @WithDefault("PT5S")
        Duration statementTimeout();

        /** Most text searches answered at once; more wait their turn, so that listings and ingest keep their cores. */
        @WithDefault("4")
        int textSearches();

        /** Most words (and phrase words) one text query may hold. */
        @WithDefault("50")
        int maxQueryTerms();

        /** Top words counts the words of this many matches at most, the newest; more matches are left out. */
        @WithDefault("1000")
        int topWordsSample();
    }

    /** The search engine, when search is not PostgreSQL's own full text. */
    Search search();

    interface Search {
        /** OpenSearch: set its URL to search there; unset, search is PostgreSQL full text. */
        OpenSearch opensearch();
    }

    interface OpenSearch {
        /** The cluster, such as {@code http://127.0.0.1:9200} ({@code CATALOG_SEARCH_OPENSEARCH_URL}); unset, PostgreSQL searches. */
        Optional<String> url();

        /** User name for HTTP Basic authentication, if the cluster asks for it. */
        Optional<String> username();

        /** Password for HTTP Basic authentication. */
        Optional<String> password();

        /** A PEM file of the certificate authorities trusted for an https URL, instead of the JVM's own. */
        Optional<String> caCertificate();

        /** The alias the catalog's index is reached by; each index behind it is named after it with a timestamp. */
        @WithDefault("catalog-articles")
        String index();

        /** Longest wait for an answer of OpenSearch (a search, one bulk request). */
        @WithDefault("PT10S")
        Duration timeout();

        /** Most changes indexed in one bulk request. */
        @WithDefault("1000")
        int batchChanges();

        /** Bulk requests one instance sends at once while it drains the outbox, each with a claim of its own. */
        @WithDefault("2")
        int bulkRequests();
    }

    interface Ingest {
        /** Largest accepted corpus file. */
        @WithDefault("10M")
        MemorySize maxFileBytes();

        /** Longest headline, in characters, of a file or a correction (the full-text vector must stay under 1 MB). */
        @WithDefault("1000")
        int maxHeadlineChars();

        /** Longest source URL in UTF-8 bytes, as written and normalized; at most 2600, what the URL index can hold. */
        @WithDefault("2000")
        int maxUrlBytes();

        /** Most files stored in one transaction. */
        @WithDefault("500")
        int batchFiles();

        /** Most bytes of files stored in one transaction. */
        @WithDefault("16M")
        MemorySize batchBytes();

        /** Where a run's reason waits while the database cannot take it (give the CLI and the service the same). */
        @WithDefault("data/pending-failures")
        String pendingFailuresDirectory();
    }

    /** Text reuse: the passages articles share. */
    Reuse reuse();

    interface Reuse {
        /** Whether the service finds the passages new articles share, between ingest runs; off, {@code catalog reuse} does. */
        @WithDefault("true")
        boolean enabled();

        /** Most articles linked in one transaction. */
        @WithDefault("500")
        int batchArticles();
    }

    interface StartupIngest {
        /** Whether {@code serve} ingests {@link #path()} when the catalog holds no article yet. */
        @WithDefault("true")
        boolean enabled();

        /** The folder ingested on first start; a missing folder is skipped with a log line. */
        @WithDefault("corpus")
        String path();
    }

    /** Fixity checks: every stored original hashed again and compared with the SHA-256 taken at ingest. */
    Fixity fixity();

    interface Fixity {
        /** Whether the service checks the originals on its own, pass after pass. */
        @WithDefault("true")
        boolean enabled();

        /** How long after a pass began the next one begins. */
        @WithDefault("P7D")
        Duration interval();

        /** Most bytes of originals the service's passes read a second, so that they do not disturb browsing. */
        @WithDefault("16M")
        MemorySize maxBytesPerSecond();

        /** Originals checked and recorded together, as one event of a pass. */
        @WithDefault("1000")
        int chunkArticles();
    }

    /** Who started a run, when the operating system does not say (defaults to the {@code user.name} property). */
    Optional<String> operator();
}
