package org.voc.crawlers;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * RSS 2.0 and Atom (and the older RSS and RDF flavours Rome reads) into texts: one per entry, keyed
 * by its link (else its guid/id), text from its content (else its description/summary), HTML left
 * for voc's cleaner. DOCTYPEs are refused, so no external entity is ever resolved.
 */
final class FeedReader {

  private FeedReader() {}

  static List<FoundText> read(byte[] body, URI base) throws IOException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
    } catch (FeedException | IllegalArgumentException e) {
      throw new IOException("not a readable feed: " + e.getMessage(), e);
    }
    List<FoundText> texts = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      String text = text(entry);
      if (text == null) {
        continue;
      }
      String link = entry.getLink() == null ? null : base.resolve(entry.getLink().strip()).toString();
      String key = link != null ? link : entry.getUri() != null ? entry.getUri() : FoundText.keyOf(base.toString(), text);
      Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
      texts.add(new FoundText(key, text, blankToNull(entry.getTitle()), blankToNull(entry.getAuthor()),
          date == null ? null : date.toInstant().toString(), null, null, null, link,
          feed.getTitle() == null ? Map.of() : Map.of("feed", feed.getTitle())));
    }
    return texts;
  }

  private static String text(SyndEntry entry) {
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null && !content.getValue().isBlank()) {
        return content.getValue().strip();
      }
    }
    SyndContent description = entry.getDescription();
    if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
      return description.getValue().strip();
    }
    return blankToNull(entry.getTitle());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
