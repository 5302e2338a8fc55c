package org.tribune.reports.control;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An RFC 4287 Atom feed. The feed and every entry carry the required id, title and updated; the
 * feed names Tribune as author (so entries need none) and links to itself; entries link to their
 * page. Ids are tag URIs (RFC 4151) minted from stable keys, so a reader never sees an entry twice.
 */
public final class AtomFeed {

  public static final String NS = "http://www.w3.org/2005/Atom";

  public record Entry(
      String id, String title, Instant updated, String link, String summary, String category) {}

  private AtomFeed() {}

  /** {@code tag:<authority>,2026:<key>} */
  public static String tag(String authority, String key) {
    return "tag:" + authority + ",2026:" + key;
  }

  /** The newest entry's time (or {@code fallback} for an empty feed), to the second. */
  public static Instant updated(List<Entry> entries, Instant fallback) {
    return entries.stream()
        .map(Entry::updated)
        .max(Instant::compareTo)
        .orElse(fallback)
        .truncatedTo(ChronoUnit.SECONDS);
  }

  public static String write(
      String id,
      String title,
      String self,
      String alternate,
      Instant updated,
      List<Entry> entries) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(NS);
      element(x, "id", id);
      element(x, "title", title);
      element(x, "updated", updated.truncatedTo(ChronoUnit.SECONDS).toString());
      x.writeStartElement("author");
      element(x, "name", "Tribune");
      x.writeEndElement();
      link(x, "self", self, "application/atom+xml");
      link(x, "alternate", alternate, "text/html");
      for (Entry e : entries) {
        x.writeStartElement("entry");
        element(x, "id", e.id());
        element(x, "title", e.title());
        element(x, "updated", e.updated().truncatedTo(ChronoUnit.SECONDS).toString());
        if (e.link() != null) {
          link(x, "alternate", e.link(), null);
        }
        if (e.category() != null) {
          x.writeEmptyElement("category");
          x.writeAttribute("term", e.category());
        }
        if (e.summary() != null && !e.summary().isEmpty()) {
          element(x, "summary", e.summary());
        }
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return text.toString();
  }

  private static void element(XMLStreamWriter x, String name, String value)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(clean(value));
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String href, String type)
      throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    if (type != null) {
      x.writeAttribute("type", type);
    }
    x.writeAttribute("href", href);
  }

  /** XML 1.0 cannot carry most control characters; member text might. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
