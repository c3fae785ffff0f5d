package org.voc.crawlers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What earlier runs saw, kept in {@code DATA/crawler/state.json} so a later run asks only for what
 * changed and sends only what is new: per URL its validators (ETag, Last-Modified) and the hash of
 * its body, and per document URL-or-id the hash of what was sent. Saved atomically (write, then
 * rename).
 */
public final class CrawlState {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A fetched URL's validators, body hash, and whether it was a sitemap (fetched in full every run,
   * so the pages it lists are each asked whether they changed).
   */
  public record Page(String etag, String lastModified, String bodyHash, boolean sitemap) {}

  /** The file's content. */
  public record Saved(Map<String, Page> pages, Map<String, String> documents) {
    public Saved {
      pages = pages == null ? new LinkedHashMap<>() : new LinkedHashMap<>(pages);
      documents = documents == null ? new LinkedHashMap<>() : new LinkedHashMap<>(documents);
    }
  }

  private final Path file;
  private final Saved saved;
  private final java.util.Set<String> contents;

  private CrawlState(Path file, Saved saved) {
    this.file = file;
    this.saved = saved;
    this.contents = new java.util.HashSet<>(saved.documents().values());
  }

  /** The state under {@code dataDir}, empty when there is none yet. */
  public static CrawlState open(Path dataDir) throws IOException {
    Path file = dataDir.resolve("crawler").resolve("state.json");
    Saved saved = Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Saved.class) : new Saved(null, null);
    return new CrawlState(file, saved);
  }

  Page page(String url) {
    return saved.pages().get(url);
  }

  void page(String url, Page page) {
    saved.pages().put(url, page);
  }

  /** Whether this document (by key) was already sent with exactly this content. */
  boolean sent(String key, String contentHash) {
    return contentHash.equals(saved.documents().get(key));
  }

  /** Whether any document was sent with this content, under whatever key (same review on two URLs). */
  boolean sentContent(String contentHash) {
    return contents.contains(contentHash);
  }

  void markSent(String key, String contentHash) {
    saved.documents().put(key, contentHash);
    contents.add(contentHash);
  }

  public void save() throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(temporary.toFile(), saved);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
