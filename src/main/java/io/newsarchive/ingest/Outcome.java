package io.newsarchive.ingest;

/** What became of one file in an ingest run. */
public enum Outcome { added, duplicate, revised, rejected }
