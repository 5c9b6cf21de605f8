package io.newsarchive.ingest;

/** What started an ingest run. */
public enum Trigger { cli, api, startup, web }
