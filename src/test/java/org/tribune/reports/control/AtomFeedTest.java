package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AtomFeedTest {

  @Test
  void feedHasTheRequiredElementsInTheAtomNamespace() throws Exception {
    Instant t = Instant.parse("2026-11-23T09:00:00.123Z");
    List<AtomFeed.Entry> entries =
        List.of(
            new AtomFeed.Entry("tag:x,2026:a", "A & <b>\u0001", t, "http://x/#/a", "s", "weekly"));
    String xml =
        AtomFeed.write(
            "tag:x,2026:feed",
            "Feed",
            "http://x/f.atom",
            "http://x/",
            AtomFeed.updated(entries, t),
            entries);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element feed = doc.getDocumentElement();
    assertEquals(AtomFeed.NS, feed.getNamespaceURI());
    assertEquals("feed", feed.getLocalName());
    assertEquals("2026-11-23T09:00:00Z", text(feed, "updated"));
    Element entry = (Element) feed.getElementsByTagNameNS(AtomFeed.NS, "entry").item(0);
    assertEquals("A & <b>", text(entry, "title"));
    assertEquals("tag:x,2026:a", text(entry, "id"));
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(AtomFeed.NS, name).item(0).getTextContent();
  }
}
